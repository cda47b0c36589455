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
    private final CipherPool ctrs = new CipherPool("AES/CTR/NoPadding");

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
     * Data taken as GCM ciphertext under {@code nonce} (12 bytes) and {@code aad}, given in parts ({@link AsCiphertext}).
     */
    AsCiphertext asCiphertext(byte[] nonce, byte[] aad) {
        if (nonce.length != 12) {
            throw new IllegalArgumentException("GCM nonce must be 12 bytes, got " + nonce.length);
        }
        return new AsCiphertext(nonce, aad);
    }

    /**
     * Data taken as GCM ciphertext, in parts, with no copy of it kept and nothing of its size allocated: each part
     * goes through AES-CTR from inc32(J0) (NIST SP 800-38D: GCM's keystream for a 96-bit nonce), which gives what
     * GCM would have encrypted to it (for real ciphertext: the plaintext), and that through GCM encryption with the
     * same key, nonce and associated data, whose output is the part again and whose tag is therefore the data's.
     * Both ciphers run over arrays (the JDK's GCM takes direct buffers 512 bytes at a time), as large as the largest
     * part so far and at most {@link #PIECE}. Used to decrypt a sealed message as it arrives ({@link Smb3Transform})
     * and for GMAC ({@link AesGmacSigner}, which corrects the tag's length block). Not thread-safe.
     */
    final class AsCiphertext {
        static final int PIECE = 64 * 1024;
        private final Cipher ctr;
        private final Cipher ghash;
        private byte[] in = new byte[0];
        private byte[] out = new byte[0];
        private byte[] again = new byte[TAG];
        private long length;

        private AsCiphertext(byte[] nonce, byte[] aad) {
            try {
                ghash = cipher(Cipher.ENCRYPT_MODE, nonce);
                if (aad.length > 0) {
                    ghash.updateAAD(aad);
                }
                byte[] counter = Arrays.copyOf(nonce, 16); // inc32(J0) = nonce || 00000002
                counter[15] = 2;
                ctr = ctrs.take();
                ctr.init(Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.IvParameterSpec(counter));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM unavailable", e);
            }
        }

        private void room(int n) {
            if (out.length < n) {
                int size = Math.min(PIECE, Math.max(n, 2 * out.length));
                in = new byte[size];
                out = new byte[size];
                again = new byte[size + TAG];
            }
        }

        /** Passes {@code part[off, off+n)} (n at most {@link #PIECE}); the CTR output is {@code result()[0, n)}. */
        byte[] pass(byte[] part, int off, int n) {
            room(n);
            try {
                ctr.update(part, off, n, out, 0);
                ghash.update(out, 0, n, again, 0);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM failed", e);
            }
            length += n;
            return out;
        }

        /**
         * Passes {@code part} from its position to its limit (the position moves to the limit); with {@code replace},
         * the CTR output takes its place.
         */
        void pass(java.nio.ByteBuffer part, boolean replace) {
            while (part.hasRemaining()) {
                int at = part.position();
                int n = Math.min(PIECE, part.remaining());
                room(n);
                part.get(in, 0, n);
                pass(in, 0, n);
                if (replace) {
                    part.put(at, out, 0, n);
                }
            }
        }

        /** The bytes passed so far. */
        long length() {
            return length;
        }

        /** The GCM tag of all the data passed; the ciphers go back to their pools. */
        byte[] tag() {
            byte[] fin;
            try {
                fin = ghash.doFinal();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM failed", e);
            }
            done(ghash);
            ctrs.give(ctr);
            return Arrays.copyOfRange(fin, fin.length - TAG, fin.length);
        }

        /** Checks the GCM tag of all the data passed against {@code expected}. */
        void check(byte[] expected) throws AEADBadTagException {
            if (!java.security.MessageDigest.isEqual(tag(), expected)) {
                throw new AEADBadTagException("tag mismatch");
            }
        }
    }
}
