package org.smbscope.codec.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** [MS-SMB2] 3.1.4.1: HMAC-SHA256 over the message, first 16 bytes (dialects 2.0.2 and 2.1). */
final class HmacSha256Signer implements Smb2Signer {
    private static final byte[] ZEROS = new byte[SIGNATURE_LENGTH];
    private final SecretKeySpec key;

    HmacSha256Signer(byte[] key) {
        this.key = new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256");
    }

    @Override
    public SigningAlgorithm algorithm() {
        return SigningAlgorithm.HMAC_SHA256;
    }

    @Override
    public byte[] compute(byte[] buf, int offset, int length) {
        Smb2Signer.checkRange(buf, offset, length);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(buf, offset, SIGNATURE_OFFSET);
            mac.update(ZEROS);
            mac.update(buf, offset + HEADER_LENGTH, length - HEADER_LENGTH);
            return Arrays.copyOf(mac.doFinal(), SIGNATURE_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    @Override
    public byte[] compute(java.nio.ByteBuffer message) {
        Smb2Signer.checkRange(message);
        int at = message.position();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(message.slice(at, SIGNATURE_OFFSET));
            mac.update(ZEROS);
            mac.update(message.slice(at + HEADER_LENGTH, message.limit() - at - HEADER_LENGTH));
            return Arrays.copyOf(mac.doFinal(), SIGNATURE_LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    @Override
    public Running start(byte[] header) {
        Smb2Signer.checkRange(header, 0, header.length);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(header, 0, SIGNATURE_OFFSET);
            mac.update(ZEROS);
            return new Running() {
                @Override
                public void update(java.nio.ByteBuffer part) {
                    mac.update(part);
                }

                @Override
                public byte[] finish() {
                    return Arrays.copyOf(mac.doFinal(), SIGNATURE_LENGTH);
                }
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return algorithm().label();
    }
}
