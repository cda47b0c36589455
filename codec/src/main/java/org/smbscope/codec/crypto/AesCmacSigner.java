package org.smbscope.codec.crypto;

import java.nio.ByteBuffer;

/** [MS-SMB2] 3.1.4.1: AES-128-CMAC over the message (dialects 3.0 and later). */
final class AesCmacSigner implements Smb2Signer {
    private static final byte[] ZEROS = new byte[SIGNATURE_LENGTH];
    private final AesCmac cmac;

    AesCmacSigner(byte[] key) {
        if (key.length != 16) {
            throw new IllegalArgumentException("AES-128-CMAC signing key must be 16 bytes, got " + key.length);
        }
        this.cmac = new AesCmac(key);
    }

    @Override
    public SigningAlgorithm algorithm() {
        return SigningAlgorithm.AES_CMAC;
    }

    @Override
    public byte[] compute(byte[] buf, int offset, int length) {
        Smb2Signer.checkRange(buf, offset, length);
        AesCmac.Computation c = cmac.mac();
        c.update(buf, offset, SIGNATURE_OFFSET);
        c.update(ZEROS, 0, SIGNATURE_LENGTH);
        c.update(buf, offset + HEADER_LENGTH, length - HEADER_LENGTH);
        return c.doFinal();
    }

    @Override
    public byte[] compute(ByteBuffer message) {
        Smb2Signer.checkRange(message);
        int at = message.position();
        byte[] head = new byte[SIGNATURE_OFFSET];
        message.get(at, head);
        AesCmac.Computation c = cmac.mac();
        c.update(head, 0, SIGNATURE_OFFSET);
        c.update(ZEROS, 0, SIGNATURE_LENGTH);
        c.update(message.slice(at + HEADER_LENGTH, message.limit() - at - HEADER_LENGTH));
        return c.doFinal();
    }

    @Override
    public Running start(byte[] header) {
        Smb2Signer.checkRange(header, 0, header.length);
        AesCmac.Computation c = cmac.mac();
        c.update(header, 0, SIGNATURE_OFFSET);
        c.update(ZEROS, 0, SIGNATURE_LENGTH);
        return new Running() {
            @Override
            public void update(ByteBuffer part) {
                c.update(part);
            }

            @Override
            public byte[] finish() {
                return c.doFinal();
            }
        };
    }

    @Override
    public String toString() {
        return algorithm().label();
    }
}
