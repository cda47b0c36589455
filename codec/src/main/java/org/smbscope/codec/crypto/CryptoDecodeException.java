package org.smbscope.codec.crypto;

import org.smbscope.codec.wire.DecodeException;

/**
 * A received SMB2 TRANSFORM_HEADER message could not be opened: too short, not a transform
 * header, an unknown algorithm, or an authentication tag that does not match (tampered data or
 * the wrong key). [MS-SMB2] 3.2.5.1.1 Decrypting the Message.
 */
public final class CryptoDecodeException extends DecodeException {
    private static final long serialVersionUID = 1L;

    public CryptoDecodeException(String field, int offset, String detail) {
        super(field, offset, detail);
    }

    @Override
    public String protocol() {
        return "SMB2";
    }
}
