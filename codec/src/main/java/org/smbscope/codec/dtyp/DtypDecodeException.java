package org.smbscope.codec.dtyp;

import org.smbscope.codec.wire.DecodeException;

/** A malformed [MS-DTYP] structure (SID, security descriptor) decoded on its own. */
public final class DtypDecodeException extends DecodeException {
    private static final long serialVersionUID = 1L;

    public DtypDecodeException(String field, int offset, String detail) {
        super(field, offset, detail);
    }

    @Override
    public String protocol() {
        return "DTYP";
    }
}
