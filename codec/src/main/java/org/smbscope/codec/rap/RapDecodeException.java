package org.smbscope.codec.rap;

import org.smbscope.codec.wire.DecodeException;

/** A malformed RAP request or response ([MS-RAP]). */
public final class RapDecodeException extends DecodeException {
    private static final long serialVersionUID = 1L;

    public RapDecodeException(String field, int offset, String detail) {
        super(field, offset, detail);
    }

    @Override
    public String protocol() {
        return "LANMAN";
    }
}
