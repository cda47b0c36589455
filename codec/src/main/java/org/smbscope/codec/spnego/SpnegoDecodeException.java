package org.smbscope.codec.spnego;

import org.smbscope.codec.wire.DecodeException;

/** A malformed SPNEGO token ([MS-SPNG], RFC 4178). */
public final class SpnegoDecodeException extends DecodeException {
    private static final long serialVersionUID = 1L;

    public SpnegoDecodeException(String field, int offset, String detail) {
        super(field, offset, detail);
    }

    @Override
    public String protocol() {
        return "SPNEGO";
    }
}
