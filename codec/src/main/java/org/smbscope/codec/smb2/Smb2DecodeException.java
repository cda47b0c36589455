package org.smbscope.codec.smb2;

import org.smbscope.codec.wire.DecodeException;

/** A malformed SMB2 message, transform header or compound chain ([MS-SMB2] 2.2). */
public final class Smb2DecodeException extends DecodeException {
    private static final long serialVersionUID = 1L;

    public Smb2DecodeException(String field, int offset, String detail) {
        super(field, offset, detail);
    }

    @Override
    public String protocol() {
        return "SMB2";
    }
}
