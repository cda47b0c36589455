package org.smbscope.codec.crypto;

import javax.crypto.AEADBadTagException;

/** AES-GCM from the JDK, 12-byte nonce. */
final class GcmCipher implements Smb3Cipher {
    private final CipherId id;
    private final AesGcm gcm;

    GcmCipher(CipherId id, AesGcm gcm) {
        this.id = id;
        this.gcm = gcm;
    }

    /** The AES-GCM under this cipher's key (for {@link AesGcm#asCiphertext}). */
    AesGcm gcm() {
        return gcm;
    }

    @Override
    public CipherId id() {
        return id;
    }

    @Override
    public byte[] seal(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff) {
        return gcm.seal(nonce, aad, in, inOff, len, out, outOff);
    }

    @Override
    public void open(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] tag, byte[] out, int outOff)
            throws AEADBadTagException {
        gcm.open(nonce, aad, in, inOff, len, tag, out, outOff);
    }

    @Override
    public void openJoined(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff)
            throws AEADBadTagException {
        gcm.openJoined(nonce, aad, in, inOff, len, out, outOff);
    }

    @Override
    public byte[] seal(byte[] nonce, byte[] aad, byte[] head, java.nio.ByteBuffer tail, java.nio.ByteBuffer out) {
        return gcm.seal(nonce, aad, head, tail, out);
    }

    @Override
    public void openInPlace(byte[] nonce, byte[] aad, java.nio.ByteBuffer data) throws AEADBadTagException {
        gcm.openInPlace(nonce, aad, data);
    }

    @Override
    public String toString() {
        return id.label();
    }
}
