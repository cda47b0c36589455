package org.smbscope.trace.capture;

import org.smbscope.codec.wire.DecodeException;

/** A capture file (pcap, pcapng) or a packet inside it that cannot be read as declared. */
public final class CaptureDecodeException extends DecodeException {
    private static final long serialVersionUID = 1L;

    public CaptureDecodeException(String field, int offset, String detail) {
        super(field, offset, detail);
    }

    @Override
    public String protocol() {
        return "capture";
    }
}
