package org.smbscope.codec.fscc;

import org.smbscope.codec.wire.DecodeException;

/** A malformed [MS-FSCC] information structure. */
public final class FsccDecodeException extends DecodeException {
    private static final long serialVersionUID = 1L;

    public FsccDecodeException(String field, int offset, String detail) {
        super(field, offset, detail);
    }

    @Override
    public String protocol() {
        return "FSCC";
    }
}
