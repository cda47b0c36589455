package org.smbscope.codec.smb1;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * SMB1 message signing. [MS-CIFS] 3.1.4.1 Message Signing: the signature is the first 8 bytes of
 * MD5(MAC key || message with SecuritySignature set to the 8-byte little-endian sequence number).
 * The MAC key is the session key, followed by the NT response for non-extended (NTLMv1/LM)
 * authentication. The client numbers its request n and expects the response signed with n+1;
 * the session setup that activates signing is sequence 0 (its response 1), so the next request is 2.
 */
public final class Smb1Signer {
    private Smb1Signer() {
    }

    /** The MAC key: sessionKey || ntResponse (ntResponse empty for extended security). */
    public static byte[] macKey(byte[] sessionKey, byte[] ntResponse) {
        byte[] k = Arrays.copyOf(sessionKey, sessionKey.length + ntResponse.length);
        System.arraycopy(ntResponse, 0, k, sessionKey.length, ntResponse.length);
        return k;
    }

    /** The 8-byte signature of {@code message} (whole SMB message starting at 0xFF 'SMB') for {@code sequence}. */
    public static byte[] signature(byte[] macKey, byte[] message, long sequence) {
        if (message.length < Smb1Header.SIZE) {
            throw new IllegalArgumentException("message shorter than an SMB header");
        }
        byte[] copy = message.clone();
        for (int i = 0; i < 8; i++) {
            copy[Smb1Header.SIGNATURE_OFFSET + i] = (byte) (sequence >>> (8 * i));
        }
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md5.update(macKey);
        md5.update(copy);
        return Arrays.copyOf(md5.digest(), 8);
    }

    /** Returns a copy of {@code message} with the signature for {@code sequence} in place. */
    public static byte[] sign(byte[] macKey, byte[] message, long sequence) {
        byte[] sig = signature(macKey, message, sequence);
        byte[] out = message.clone();
        System.arraycopy(sig, 0, out, Smb1Header.SIGNATURE_OFFSET, 8);
        return out;
    }

    /** Constant-time check of the signature carried in {@code message}. */
    public static boolean verify(byte[] macKey, byte[] message, long sequence) {
        byte[] expected = signature(macKey, message, sequence);
        byte[] actual = Arrays.copyOfRange(message, Smb1Header.SIGNATURE_OFFSET, Smb1Header.SIGNATURE_OFFSET + 8);
        return MessageDigest.isEqual(expected, actual);
    }
}
