package org.smbscope.codec.ntlm;

/**
 * RC4 (ARCFOUR) as a keyed stream, for [MS-NLMP] RC4K and the sealing handles. Written here
 * because JDK providers may have it disabled. Not thread-safe: one handle per direction.
 */
public final class Rc4 {
    private final int[] s = new int[256];
    private int i;
    private int j;

    public Rc4(byte[] key) {
        if (key.length == 0) {
            throw new IllegalArgumentException("empty RC4 key");
        }
        for (int k = 0; k < 256; k++) {
            s[k] = k;
        }
        for (int k = 0, m = 0; k < 256; k++) {
            m = (m + s[k] + (key[k % key.length] & 0xff)) & 0xff;
            int t = s[k];
            s[k] = s[m];
            s[m] = t;
        }
    }

    /** Encrypts (or decrypts) {@code data} with the next bytes of the stream. */
    public byte[] apply(byte[] data) {
        byte[] out = new byte[data.length];
        for (int k = 0; k < data.length; k++) {
            i = (i + 1) & 0xff;
            j = (j + s[i]) & 0xff;
            int t = s[i];
            s[i] = s[j];
            s[j] = t;
            out[k] = (byte) (data[k] ^ s[(s[i] + s[j]) & 0xff]);
        }
        return out;
    }

    /** RC4K(key, data) of [MS-NLMP] 6: a fresh stream used once. */
    public static byte[] once(byte[] key, byte[] data) {
        return new Rc4(key).apply(data);
    }
}
