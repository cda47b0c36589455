package org.smbscope.codec.smb1;

import org.smbscope.codec.wire.DecodeException;

/** A malformed SMB1 message ([MS-CIFS] 2.2): what was being read, where, and why. */
public final class Smb1DecodeException extends DecodeException {
    private static final long serialVersionUID = 1L;

    public Smb1DecodeException(String field, int offset, String detail) {
        super(field, offset, detail);
    }

    @Override
    public String protocol() {
        return "SMB";
    }
}
