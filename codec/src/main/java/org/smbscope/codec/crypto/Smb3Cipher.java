package org.smbscope.codec.crypto;

import javax.crypto.AEADBadTagException;

/**
 * One of the SMB 3.x authenticated ciphers with one key ([MS-SMB2] 3.1.4.3 Encrypting the
 * Message): AES-128/256-CCM (11-byte nonce) and AES-128/256-GCM (12-byte nonce), 16-byte tag.
 * Ciphertext has the length of the plaintext; the tag travels separately (in the transform
 * header's Signature field). Implementations are immutable and thread-safe.
 */
public sealed interface Smb3Cipher permits CcmCipher, GcmCipher {
    /** Length of the authentication tag. */
    int TAG_LENGTH = 16;

    /** A cipher for {@code id} with {@code key} ({@link CipherId#keyLength()} bytes). */
    static Smb3Cipher of(CipherId id, byte[] key) {
        if (key.length != id.keyLength()) {
            throw new IllegalArgumentException(id.label() + " needs a " + id.keyLength() + "-byte key, got " + key.length);
        }
        return id.isGcm() ? new GcmCipher(id, new AesGcm(key)) : new CcmCipher(id, new AesCcm(key, TAG_LENGTH, 11));
    }

    CipherId id();

    /**
     * Encrypts {@code in[inOff, inOff+len)} into {@code out} at {@code outOff} and returns the
     * 16-byte tag. {@code nonce} has {@link CipherId#nonceLength()} bytes and must never repeat
     * for one key.
     */
    byte[] seal(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff);

    /**
     * Checks the tag and decrypts {@code in[inOff, inOff+len)} into {@code out} at
     * {@code outOff}. Nothing usable is written when the tag does not match.
     */
    void open(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] tag, byte[] out, int outOff)
            throws AEADBadTagException;

    /**
     * {@link #open} for a ciphertext followed by its tag in {@code in}: checks the tag of {@code in[inOff, inOff+len)}
     * (the tag at {@code in[inOff+len, inOff+len+16)}) and decrypts into {@code out} at {@code outOff}, another array.
     */
    default void openJoined(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff)
            throws AEADBadTagException {
        byte[] tag = java.util.Arrays.copyOfRange(in, inOff + len, inOff + len + TAG_LENGTH);
        open(nonce, aad, in, inOff, len, tag, out, outOff);
    }

    /**
     * Encrypts {@code head} followed by {@code tail} (position to limit, consumed) into {@code out} at its position
     * (advanced by their length) and returns the 16-byte tag; for a message whose bulk is in a (direct) buffer.
     */
    default byte[] seal(byte[] nonce, byte[] aad, byte[] head, java.nio.ByteBuffer tail, java.nio.ByteBuffer out) {
        byte[] plain = new byte[head.length + tail.remaining()];
        System.arraycopy(head, 0, plain, 0, head.length);
        tail.get(plain, head.length, plain.length - head.length);
        byte[] cipher = new byte[plain.length];
        byte[] tag = seal(nonce, aad, plain, 0, plain.length, cipher, 0);
        out.put(cipher);
        return tag;
    }

    /**
     * Checks the tag and decrypts in place: {@code data} holds the ciphertext followed by the 16-byte tag
     * (position to limit); afterwards the plaintext stands where the ciphertext was. Nothing usable is left there
     * when the tag does not match. The position is unchanged.
     */
    default void openInPlace(byte[] nonce, byte[] aad, java.nio.ByteBuffer data) throws AEADBadTagException {
        int at = data.position();
        int len = data.remaining() - TAG_LENGTH;
        if (len < 0) {
            throw new AEADBadTagException("shorter than a tag");
        }
        byte[] in = new byte[len];
        byte[] tag = new byte[TAG_LENGTH];
        data.get(at, in).get(at + len, tag);
        byte[] out = new byte[len];
        open(nonce, aad, in, 0, len, tag, out, 0);
        data.put(at, out);
    }
}
