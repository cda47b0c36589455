package org.smbscope.codec.dcerpc;

import org.smbscope.codec.wire.DecodeException;

/** A malformed DCE/RPC PDU or NDR stub ([C706] chapters 12 and 14, [MS-RPCE] 2.2). */
public final class DcerpcDecodeException extends DecodeException {
    private static final long serialVersionUID = 1L;

    public DcerpcDecodeException(String field, int offset, String detail) {
        super(field, offset, detail);
    }

    @Override
    public String protocol() {
        return "DCERPC";
    }
}
