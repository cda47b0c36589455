package org.smbscope.codec.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM with a 16-byte tag kept apart from the ciphertext, on the JDK's
 * {@code AES/GCM/NoPadding} (NIST SP 800-38D). Also computes GMAC (GCM with only associated
 * data). Thread-safe: each call takes a JDK cipher of its own from a {@link CipherPool}.
 */
final class AesGcm {
    static final int TAG = 16;

    private final SecretKeySpec key;
    private final CipherPool pool = new CipherPool("AES/GCM/NoPadding");

    AesGcm(byte[] key) {
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException("AES key must be 16, 24 or 32 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** A cipher initialised for one message; {@link #done} hands it back once the message is through. */
    private Cipher cipher(int mode, byte[] nonce) throws GeneralSecurityException {
        GCMParameterSpec spec = new GCMParameterSpec(TAG * 8, nonce);
        Cipher c = pool.take();
        try {
            c.init(mode, key, spec);
        } catch (java.security.InvalidAlgorithmParameterException e) {
            // an encryption with the nonce this cipher used last (a message signed, then verified): a new cipher
            c = pool.fresh();
            c.init(mode, key, spec);
        }
        return c;
    }

    void done(Cipher c) {
        pool.give(c);
    }

    byte[] seal(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff) {
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce);
            c.updateAAD(aad);
            byte[] src = in;
            int srcOff = inOff;
            if (in == out && len > 0) { // overlapping in-place encryption: let the JDK see a copy
                src = Arrays.copyOfRange(in, inOff, inOff + len);
                srcOff = 0;
            }
            int n = len == 0 ? 0 : c.update(src, srcOff, len, out, outOff);
            byte[] fin = c.doFinal();
            done(c);
            int rest = fin.length - TAG;
            System.arraycopy(fin, 0, out, outOff + n, rest);
            return Arrays.copyOfRange(fin, rest, fin.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    void open(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] tag, byte[] out, int outOff)
            throws AEADBadTagException {
        if (tag.length != TAG) {
            throw new AEADBadTagException("tag must be " + TAG + " bytes");
        }
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, nonce);
            c.updateAAD(aad);
            byte[] joined = new byte[len + TAG];
            System.arraycopy(in, inOff, joined, 0, len);
            System.arraycopy(tag, 0, joined, len, TAG);
            c.doFinal(joined, 0, joined.length, out, outOff);
            done(c);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /** {@link Smb3Cipher#openJoined}: the JDK's GCM takes ciphertext and tag in one piece, so no copy is made. */
    void openJoined(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff)
            throws AEADBadTagException {
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, nonce);
            c.updateAAD(aad);
            c.doFinal(in, inOff, len + TAG, out, outOff);
            done(c);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /** {@link Smb3Cipher#seal(byte[], byte[], byte[], java.nio.ByteBuffer, java.nio.ByteBuffer)} with the JDK's GCM. */
    byte[] seal(byte[] nonce, byte[] aad, byte[] head, java.nio.ByteBuffer tail, java.nio.ByteBuffer out) {
        try {
            Cipher c = cipher(Cipher.ENCRYPT_MODE, nonce);
            c.updateAAD(aad);
            // in pieces through arrays: the JDK's GCM runs direct buffers 512 bytes at a time (measured 3x slower
            // than arrays of 64 KiB, which take its combined AES-GCM code)
            byte[] in = new byte[Math.min(64 * 1024, Math.max(16, tail.remaining()))];
            byte[] piece = new byte[Math.max(in.length, head.length) + TAG];
            out.put(piece, 0, c.update(head, 0, head.length, piece, 0));
            while (tail.hasRemaining()) {
                int n = Math.min(in.length, tail.remaining());
                tail.get(in, 0, n);
                out.put(piece, 0, c.update(in, 0, n, piece, 0));
            }
            byte[] fin = c.doFinal(); // the rest of the ciphertext, then the tag
            done(c);
            out.put(fin, 0, fin.length - TAG);
            return Arrays.copyOfRange(fin, fin.length - TAG, fin.length);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /**
     * Decrypts {@code data} (ciphertext then tag, position to limit) in place, with no copy of a direct buffer:
     * the JDK's GCM takes ciphertext and tag in one piece and may write its output over its input.
     */
    void openInPlace(byte[] nonce, byte[] aad, java.nio.ByteBuffer data) throws AEADBadTagException {
        if (data.remaining() < TAG) {
            throw new AEADBadTagException("shorter than a tag");
        }
        try {
            Cipher c = cipher(Cipher.DECRYPT_MODE, nonce);
            c.updateAAD(aad);
            java.nio.ByteBuffer src = data.duplicate();
            java.nio.ByteBuffer dst = data.duplicate();
            dst.limit(dst.limit() - TAG);
            c.doFinal(src, dst);
            done(c);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    /**
     * Starts decrypting in place a ciphertext that is given in parts ({@link Opening}), with no copy of it kept: each
     * part goes through AES-CTR from inc32(J0) (NIST SP 800-38D: GCM's keystream for a 96-bit nonce), giving the
     * plaintext, and the plaintext through GCM encryption with the same key, nonce and {@code aad}, whose output is
     * the ciphertext again and whose tag is therefore the ciphertext's; that tag is checked at the end. Pieces go
     * through arrays of 64 KiB (the JDK's GCM takes direct buffers 512 bytes at a time). Only for 12-byte nonces.
     */
    Opening opening(byte[] nonce, byte[] aad) {
        if (nonce.length != 12) {
            throw new IllegalArgumentException("GCM nonce must be 12 bytes, got " + nonce.length);
        }
        return new Opening(nonce, aad);
    }

    /** A decryption in place, part by part: {@link #update} with the parts in order, then {@link #finish}. */
    final class Opening {
        private static final int PIECE = 64 * 1024;
        private final Cipher ctr;
        private final Cipher ghash;
        private final byte[] c = new byte[PIECE];
        private final byte[] p = new byte[PIECE];
        private final byte[] again = new byte[PIECE + TAG];

        private Opening(byte[] nonce, byte[] aad) {
            try {
                ghash = cipher(Cipher.ENCRYPT_MODE, nonce);
                ghash.updateAAD(aad);
                byte[] counter = Arrays.copyOf(nonce, 16);
                counter[15] = 2;
                ctr = Cipher.getInstance("AES/CTR/NoPadding");
                ctr.init(Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.IvParameterSpec(counter));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM unavailable", e);
            }
        }

        /** Decrypts {@code part} (position to limit; the position moves to the limit) in place. */
        void update(java.nio.ByteBuffer part) {
            try {
                while (part.hasRemaining()) {
                    int at = part.position();
                    int n = Math.min(PIECE, part.remaining());
                    part.get(c, 0, n);
                    ctr.update(c, 0, n, p, 0);
                    ghash.update(p, 0, n, again, 0);
                    part.put(at, p, 0, n);
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM failed", e);
            }
        }

        /** Checks the tag of everything decrypted against {@code tag}. */
        void finish(byte[] tag) throws AEADBadTagException {
            byte[] fin;
            try {
                fin = ghash.doFinal();
                done(ghash);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM failed", e);
            }
            if (fin.length < TAG || !java.security.MessageDigest.isEqual(
                    Arrays.copyOfRange(fin, fin.length - TAG, fin.length), tag)) {
                throw new AEADBadTagException("tag mismatch");
            }
        }
    }

    /** A GMAC computation over associated data given in pieces; {@link #done} once its doFinal has run. */
    Cipher gmacCipher(byte[] nonce) {
        try {
            return cipher(Cipher.ENCRYPT_MODE, nonce);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }
}
