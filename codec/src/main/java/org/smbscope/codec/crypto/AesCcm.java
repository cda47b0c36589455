package org.smbscope.codec.crypto;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in CCM mode ([RFC3610], NIST SP 800-38C), which the JDK does not provide, built on the
 * JDK's AES: the CBC-MAC runs on {@code AES/CBC/NoPadding} with a zero IV, the counter mode as
 * {@code AES/ECB/NoPadding} over chunks of counter blocks XORed into the data, so both use the AES
 * intrinsics. Generic in the tag length M
 * (4..16, even) and the nonce length (7..13 bytes, so L = 15 - nonce length); SMB uses M = 16
 * and an 11-byte nonce (L = 4). Thread-safe: each call makes its own JDK ciphers.
 */
final class AesCcm {
    private static final int BLOCK = 16;
    private static final int CHUNK = 64 * 1024;

    private final SecretKeySpec key;
    private final int tagLength;
    private final int nonceLength;

    AesCcm(byte[] key, int tagLength, int nonceLength) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("AES key must be 16, 24 or 32 bytes, got " + key.length);
        }
        if (tagLength < 4 || tagLength > 16 || (tagLength & 1) != 0) {
            throw new IllegalArgumentException("CCM tag length must be even, 4..16: " + tagLength);
        }
        if (nonceLength < 7 || nonceLength > 13) {
            throw new IllegalArgumentException("CCM nonce length must be 7..13: " + nonceLength);
        }
        this.key = new SecretKeySpec(key, "AES");
        this.tagLength = tagLength;
        this.nonceLength = nonceLength;
    }

    int tagLength() {
        return tagLength;
    }

    /**
     * Encrypts {@code in[inOff, inOff+len)} into {@code out[outOff, outOff+len)} (may be the same
     * array and range) and returns the tag.
     */
    byte[] seal(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff) {
        checkNonce(nonce, len);
        byte[] mac = cbcMac(nonce, aad, in, inOff, len);
        ctr(nonce, in, inOff, len, out, outOff);
        return tag(nonce, mac);
    }

    /**
     * Decrypts {@code in[inOff, inOff+len)} into {@code out[outOff, ...)} and checks the tag; on a
     * mismatch the output range is zeroed and {@link AEADBadTagException} is thrown.
     */
    void open(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] tag, byte[] out, int outOff)
            throws AEADBadTagException {
        checkNonce(nonce, len);
        if (tag.length != tagLength) {
            throw new AEADBadTagException("tag must be " + tagLength + " bytes");
        }
        ctr(nonce, in, inOff, len, out, outOff);
        byte[] expected = tag(nonce, cbcMac(nonce, aad, out, outOff, len));
        if (!MessageDigest.isEqual(expected, tag)) {
            Arrays.fill(out, outOff, outOff + len, (byte) 0);
            throw new AEADBadTagException("CCM authentication tag mismatch");
        }
    }

    private void checkNonce(byte[] nonce, int len) {
        if (nonce.length != nonceLength) {
            throw new IllegalArgumentException("CCM nonce must be " + nonceLength + " bytes, got " + nonce.length);
        }
        int l = 15 - nonceLength;
        if (l < 4 && ((long) len >>> (8 * l)) != 0) {
            throw new IllegalArgumentException("message too long for a " + l + "-byte CCM length field");
        }
    }

    /** Counter block A_i: flags (L-1), nonce, i in L bytes big endian. */
    private byte[] counterBlock(byte[] nonce, int i) {
        byte[] a = new byte[BLOCK];
        int l = 15 - nonceLength;
        a[0] = (byte) (l - 1);
        System.arraycopy(nonce, 0, a, 1, nonceLength);
        for (int k = 0; k < l && k < 4; k++) {
            a[BLOCK - 1 - k] = (byte) (i >>> (8 * k));
        }
        return a;
    }

    /**
     * Counter mode from 1 as ECB over a chunk of counter blocks, then XOR: the JDK's ECB reaches the AES
     * intrinsics after a few calls, its CTR only after thousands (measured 0.5 vs 5-7 ms per MiB warm).
     */
    private void ctr(byte[] nonce, byte[] in, int inOff, int len, byte[] out, int outOff) {
        if (len == 0) {
            return;
        }
        if (in == out && inOff != outOff) { // shifted in place: the forward XOR below would read what it wrote
            in = Arrays.copyOfRange(in, inOff, inOff + len);
            inOff = 0;
        }
        try {
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, key);
            int chunk = Math.min(CHUNK, roundUp(len));
            byte[] counters = new byte[chunk];
            byte[] stream = new byte[chunk];
            byte[] a = counterBlock(nonce, 0);
            for (int b = 0; b < chunk; b += BLOCK) {
                System.arraycopy(a, 0, counters, b, BLOCK);
            }
            int l = Math.min(15 - nonceLength, 4);
            int i = 1;
            for (int done = 0; done < len; ) {
                int n = Math.min(chunk, roundUp(len - done));
                for (int b = 0; b < n; b += BLOCK, i++) {
                    for (int k = 0; k < l; k++) {
                        counters[b + BLOCK - 1 - k] = (byte) (i >>> (8 * k));
                    }
                }
                ecb.update(counters, 0, n, stream, 0);
                int m = Math.min(n, len - done);
                int from = inOff + done;
                int to = outOff + done;
                for (int k = 0; k < m; k++) {
                    out[to + k] = (byte) (in[from + k] ^ stream[k]);
                }
                done += m;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-ECB failed", e);
        }
    }

    private byte[] tag(byte[] nonce, byte[] mac) {
        try {
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, key);
            byte[] s0 = ecb.doFinal(counterBlock(nonce, 0));
            byte[] t = new byte[tagLength];
            for (int i = 0; i < tagLength; i++) {
                t[i] = (byte) (mac[i] ^ s0[i]);
            }
            return t;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed", e);
        }
    }

    /** CBC-MAC over B0, the encoded associated data and the zero-padded payload; the last block. */
    private byte[] cbcMac(byte[] nonce, byte[] aad, byte[] p, int off, int len) {
        int l = 15 - nonceLength;
        byte[] b0 = new byte[BLOCK];
        b0[0] = (byte) ((aad.length > 0 ? 0x40 : 0) | (((tagLength - 2) / 2) << 3) | (l - 1));
        System.arraycopy(nonce, 0, b0, 1, nonceLength);
        for (int k = 0; k < l && k < 4; k++) {
            b0[BLOCK - 1 - k] = (byte) (len >>> (8 * k));
        }
        // associated data with its length prefix, padded to a block
        byte[] header;
        if (aad.length == 0) {
            header = b0;
        } else {
            int prefix = aad.length < 0xFF00 ? 2 : 6;
            int hLen = BLOCK + roundUp(prefix + aad.length);
            header = Arrays.copyOf(b0, hLen);
            if (prefix == 2) {
                header[BLOCK] = (byte) (aad.length >>> 8);
                header[BLOCK + 1] = (byte) aad.length;
            } else {
                header[BLOCK] = (byte) 0xFF;
                header[BLOCK + 1] = (byte) 0xFE;
                for (int k = 0; k < 4; k++) {
                    header[BLOCK + 2 + k] = (byte) (aad.length >>> (8 * (3 - k)));
                }
            }
            System.arraycopy(aad, 0, header, BLOCK + prefix, aad.length);
        }
        try {
            Cipher cbc = Cipher.getInstance("AES/CBC/NoPadding");
            cbc.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(new byte[BLOCK]));
            byte[] scratch = new byte[Math.max(header.length, Math.min(CHUNK, roundUp(len)))];
            int n = cbc.update(header, 0, header.length, scratch, 0);
            byte[] last = Arrays.copyOfRange(scratch, n - BLOCK, n);
            int full = len & ~(BLOCK - 1);
            int done = 0;
            while (done < full) {
                int step = Math.min(full - done, CHUNK);
                n = cbc.update(p, off + done, step, scratch, 0);
                System.arraycopy(scratch, n - BLOCK, last, 0, BLOCK);
                done += step;
            }
            if (full < len) {
                byte[] tail = new byte[BLOCK];
                System.arraycopy(p, off + full, tail, 0, len - full);
                n = cbc.update(tail, 0, BLOCK, scratch, 0);
                System.arraycopy(scratch, n - BLOCK, last, 0, BLOCK);
            }
            return last;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-CBC failed", e);
        }
    }

    private static int roundUp(int n) {
        return (n + BLOCK - 1) & ~(BLOCK - 1);
    }
}
