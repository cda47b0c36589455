package org.smbscope.codec.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/**
 * [MS-SMB2] 3.1.4.1: AES-128-GMAC (3.1.1 with the SIGNING_CAPABILITIES context): GCM with the
 * message as associated data; nonce = MessageId (8 bytes LE), then a 32-bit LE value with bit 0
 * = server-to-client (SMB2_FLAGS_SERVER_TO_REDIR), bit 1 = CANCEL request.
 */
final class AesGmacSigner implements Smb2Signer {
    private static final byte[] ZEROS = new byte[SIGNATURE_LENGTH];
    private static final int SMB2_CANCEL = 0x000C;
    private static final int FLAGS_SERVER_TO_REDIR = 0x1;
    private final AesGcm gcm;

    AesGmacSigner(byte[] key) {
        if (key.length != 16) {
            throw new IllegalArgumentException("AES-128-GMAC signing key must be 16 bytes, got " + key.length);
        }
        this.gcm = new AesGcm(key);
    }

    @Override
    public SigningAlgorithm algorithm() {
        return SigningAlgorithm.AES_GMAC;
    }

    /** The GMAC nonce of the message starting at {@code offset}. */
    static byte[] nonce(byte[] buf, int offset) {
        byte[] nonce = new byte[12];
        System.arraycopy(buf, offset + 24, nonce, 0, 8); // MessageId, little endian as on the wire
        int command = (buf[offset + 12] & 0xFF) | (buf[offset + 13] & 0xFF) << 8;
        int flags = buf[offset + 16] & 0xFF;
        int role = (flags & FLAGS_SERVER_TO_REDIR) != 0 ? 1 : 0;
        int cancel = command == SMB2_CANCEL ? 2 : 0;
        nonce[8] = (byte) (role | cancel);
        return nonce;
    }

    @Override
    public byte[] compute(byte[] buf, int offset, int length) {
        Smb2Signer.checkRange(buf, offset, length);
        try {
            Cipher c = gcm.gmacCipher(nonce(buf, offset));
            c.updateAAD(buf, offset, SIGNATURE_OFFSET);
            c.updateAAD(ZEROS);
            c.updateAAD(buf, offset + HEADER_LENGTH, length - HEADER_LENGTH);
            return c.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GMAC failed", e);
        }
    }

    @Override
    public byte[] compute(java.nio.ByteBuffer message) {
        Smb2Signer.checkRange(message);
        // the JDK buffers associated data in an array anyway: one copy with the Signature field zeroed, one call
        byte[] copy = new byte[message.remaining()];
        message.get(message.position(), copy);
        java.util.Arrays.fill(copy, SIGNATURE_OFFSET, HEADER_LENGTH, (byte) 0);
        try {
            Cipher c = gcm.gmacCipher(nonce(copy, 0));
            c.updateAAD(copy);
            return c.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GMAC failed", e);
        }
    }

    @Override
    public String toString() {
        return algorithm().label();
    }
}
