package org.smbscope.codec.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The SMB 3.x key derivation function: [SP800-108] section 5.1 KDF in counter mode with
 * HMAC-SHA256 as PRF and r = 32, as required by [MS-SMB2] 3.1.4.2 Generating Cryptographic Keys.
 *
 * <p>K(i) = HMAC-SHA256(Ki, [i]<sub>32, big endian</sub> || Label || 0x00 || Context ||
 * [L]<sub>32, big endian</sub>); the output is the first L bits of K(1) || K(2) ... The SMB labels
 * and contexts already end with a NUL ("SMB2AESCMAC\0"), which is part of the label; the 0x00
 * separator of SP800-108 comes on top.
 */
public final class Smb3Kdf {
    private Smb3Kdf() {
    }

    /**
     * Derives {@code lengthBits / 8} bytes.
     *
     * @param key        Ki, the key derivation key (the session key)
     * @param label      the label, including its terminating NUL if the spec has one
     * @param context    the context, including its terminating NUL if the spec has one
     * @param lengthBits L, a positive multiple of 8 (128 or 256 in SMB)
     */
    public static byte[] derive(byte[] key, byte[] label, byte[] context, int lengthBits) {
        if (lengthBits <= 0 || lengthBits % 8 != 0) {
            throw new IllegalArgumentException("length must be a positive multiple of 8 bits: " + lengthBits);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, "HmacSHA256"));
            // an empty HMAC key is the same as a one-zero-byte key (both pad to a zero block)
            int outLen = lengthBits / 8;
            byte[] out = new byte[outLen];
            byte[] lBytes = u32be(lengthBits);
            for (int i = 1, done = 0; done < outLen; i++) {
                mac.update(u32be(i));
                mac.update(label);
                mac.update((byte) 0);
                mac.update(context);
                mac.update(lBytes);
                byte[] k = mac.doFinal();
                int n = Math.min(k.length, outLen - done);
                System.arraycopy(k, 0, out, done, n);
                done += n;
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Convenience: label and context given as text; "\0" must be written out where the spec has it. */
    public static byte[] derive(byte[] key, String label, byte[] context, int lengthBits) {
        return derive(key, label.getBytes(StandardCharsets.US_ASCII), context, lengthBits);
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] u32be(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }
}
