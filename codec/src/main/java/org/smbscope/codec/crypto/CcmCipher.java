package org.smbscope.codec.crypto;

import javax.crypto.AEADBadTagException;

/** AES-CCM with M = 16, L = 4 (11-byte nonce). */
final class CcmCipher implements Smb3Cipher {
    private final CipherId id;
    private final AesCcm ccm;

    CcmCipher(CipherId id, AesCcm ccm) {
        this.id = id;
        this.ccm = ccm;
    }

    @Override
    public CipherId id() {
        return id;
    }

    @Override
    public byte[] seal(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] out, int outOff) {
        return ccm.seal(nonce, aad, in, inOff, len, out, outOff);
    }

    @Override
    public void open(byte[] nonce, byte[] aad, byte[] in, int inOff, int len, byte[] tag, byte[] out, int outOff)
            throws AEADBadTagException {
        ccm.open(nonce, aad, in, inOff, len, tag, out, outOff);
    }

    @Override
    public String toString() {
        return id.label();
    }
}
