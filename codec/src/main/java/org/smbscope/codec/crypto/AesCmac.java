package org.smbscope.codec.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-CMAC ([RFC4493], NIST SP 800-38B) on the JDK's AES: the subkeys K1/K2 come from
 * {@code AES/ECB/NoPadding}, the CBC chain from {@code AES/CBC/NoPadding} with a zero IV (so the
 * JDK's AES intrinsics do the bulk work). One instance per key; {@link #mac()} starts a
 * computation, which is not thread-safe, while the instance is.
 */
final class AesCmac {
    static final int BLOCK = 16;
    private static final byte[] ZERO_IV = new byte[BLOCK];

    private final SecretKeySpec key;
    private final byte[] k1;
    private final byte[] k2;

    AesCmac(byte[] key) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("AES key must be 16, 24 or 32 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
        byte[] l;
        try {
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, this.key);
            l = ecb.doFinal(new byte[BLOCK]);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES unavailable", e);
        }
        k1 = doubled(l);
        k2 = doubled(k1);
    }

    /** Multiplication by x in GF(2^128) as RFC 4493 generates subkeys. */
    private static byte[] doubled(byte[] in) {
        byte[] out = new byte[BLOCK];
        int carry = 0;
        for (int i = BLOCK - 1; i >= 0; i--) {
            int b = in[i] & 0xFF;
            out[i] = (byte) ((b << 1) | carry);
            carry = b >>> 7;
        }
        if ((in[0] & 0x80) != 0) {
            out[BLOCK - 1] ^= (byte) 0x87;
        }
        return out;
    }

    /** One-shot MAC of a byte range. */
    byte[] mac(byte[] data, int offset, int length) {
        Computation c = mac();
        c.update(data, offset, length);
        return c.doFinal();
    }

    Computation mac() {
        return new Computation();
    }

    /** A running CMAC computation: update any number of times, then {@link #doFinal()}. */
    final class Computation {
        private final Cipher cbc;
        private final byte[] pending = new byte[BLOCK]; // the last block seen, held back
        private int pendingLength;
        private byte[] scratch = new byte[0];

        private Computation() {
            try {
                cbc = Cipher.getInstance("AES/CBC/NoPadding");
                cbc.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(ZERO_IV));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES unavailable", e);
            }
        }

        void update(byte b) {
            update(new byte[] {b}, 0, 1);
        }

        void update(byte[] data, int offset, int length) {
            if (length <= 0) {
                return;
            }
            // fill the held-back block first
            if (pendingLength < BLOCK) {
                int n = Math.min(BLOCK - pendingLength, length);
                System.arraycopy(data, offset, pending, pendingLength, n);
                pendingLength += n;
                offset += n;
                length -= n;
                if (length == 0) {
                    return;
                }
            }
            // more data follows: the held-back block is not the last one
            chain(pending, 0, BLOCK);
            pendingLength = 0;
            // feed all full blocks except the last (1..16 bytes) which is held back
            int bulk = ((length - 1) / BLOCK) * BLOCK;
            if (bulk > 0) {
                chain(data, offset, bulk);
                offset += bulk;
                length -= bulk;
            }
            System.arraycopy(data, offset, pending, 0, length);
            pendingLength = length;
        }

        /** Feeds {@code data} from its position to its limit (consumed), in pieces of at most 64 KiB. */
        void update(java.nio.ByteBuffer data) {
            if (data.hasArray()) {
                update(data.array(), data.arrayOffset() + data.position(), data.remaining());
                data.position(data.limit());
                return;
            }
            byte[] piece = new byte[Math.min(data.remaining(), 64 * 1024)];
            while (data.hasRemaining()) {
                int n = Math.min(piece.length, data.remaining());
                data.get(piece, 0, n);
                update(piece, 0, n);
            }
        }

        private void chain(byte[] data, int offset, int length) {
            int chunk = Math.min(length, 64 * 1024);
            if (scratch.length < chunk) {
                scratch = new byte[chunk];
            }
            try {
                while (length > 0) {
                    int n = Math.min(length, scratch.length);
                    cbc.update(data, offset, n, scratch, 0);
                    offset += n;
                    length -= n;
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-CBC failed", e);
            }
        }

        byte[] doFinal() {
            byte[] last = new byte[BLOCK];
            if (pendingLength == BLOCK) {
                for (int i = 0; i < BLOCK; i++) {
                    last[i] = (byte) (pending[i] ^ k1[i]);
                }
            } else {
                System.arraycopy(pending, 0, last, 0, pendingLength);
                last[pendingLength] = (byte) 0x80;
                for (int i = 0; i < BLOCK; i++) {
                    last[i] ^= k2[i];
                }
            }
            try {
                return cbc.doFinal(last);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-CBC failed", e);
            }
        }
    }
}
