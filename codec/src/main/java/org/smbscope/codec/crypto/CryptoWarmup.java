package org.smbscope.codec.crypto;

/**
 * Brings the JDK's AES-GCM, GMAC, AES-CMAC and HMAC-SHA256 code to full speed before bulk data
 * needs it. The JDK uses the CPU's AES and carry-less-multiply instructions only in code the JIT
 * has compiled at its top tier, which takes thousands of calls; a transfer of large messages
 * makes too few calls to get there (a 1 GiB copy in 1 MiB messages is 1,024 calls) and stays at
 * the interpreted speed, 20 to 50 times slower (measured: AES-128-GMAC over 1 MiB 11 ms cold,
 * 0.3 ms warm). This runs the same calls on small messages with a throwaway key. Pure and
 * stateless: the caller decides when (once, in the background, when a large transfer starts).
 */
public final class CryptoWarmup {
    /** Calls per algorithm that reliably reach the top JIT tier on JDK 21-25. */
    public static final int DEFAULT_ITERATIONS = 8_000;
    /** Signing: any size takes the bulk path. */
    private static final int SIGNED_MESSAGE = 1024;
    /**
     * Sealing: the JDK's GCM takes its fast path from 7,680 bytes on in JDK 17 to 21 and from 512 bytes on in JDK 25
     * (JDK 25: {@code GaloisCounterMode.PARALLEL_LEN}); the smallest message that reaches it warms fastest (JDK 25:
     * 8,000 seals of 1 KiB left a 1 MiB seal and open at 0.44 ms; of 8 KiB, at 4.8 to 6.4 ms, and took longer).
     */
    private static final int SEALED_MESSAGE = Runtime.version().feature() >= 25 ? 1024 : 8192;

    private CryptoWarmup() {
    }

    /**
     * Signs and verifies {@code iterations} small messages with {@code signing}, and when
     * {@code cipher} is not null seals and opens as many. Either may be null. Verifying and opening run both on
     * arrays and on direct buffers (a server reads large frames into those).
     */
    public static void run(SigningAlgorithm signing, CipherId cipher, int iterations) {
        if (signing != null) {
            byte[] message = smb2(SIGNED_MESSAGE);
            Smb2Signer signer = Smb2Signer.of(signing, new byte[16]);
            java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(message.length);
            for (int i = 0; i < iterations; i++) {
                // a new GMAC nonce for each call, as on the wire (a request's MessageId and role, then the
                // response's): a JDK GCM cipher refuses to encrypt with the nonce it used last, and the signer
                // would make a new cipher instead of reusing its own, which is not what the transfer will run
                message[24] = (byte) i; // MessageId
                message[25] = (byte) (i >>> 8);
                message[26] = 0;
                message[16] = 0; // Flags: a request
                signer.sign(message, 0, message.length);
                message[16] = 1; // SERVER_TO_REDIR: the response (the verification fails; it is the same work)
                signer.verify(message, 0, message.length);
                message[26] = 1; // another MessageId
                signer.verify(direct.clear().put(message).flip());
            }
        }
        if (cipher != null) {
            byte[] message = smb2(SEALED_MESSAGE);
            byte[] key = new byte[cipher.keyLength()];
            Smb3Keys keys = new Smb3Keys(0x0311, cipher, new byte[16], key, key, new byte[16]);
            long[] counter = {0};
            Smb3Transform t = Smb3Transform.of(keys, length -> {
                byte[] nonce = new byte[length];
                long n = ++counter[0];
                for (int b = 0; b < 8; b++) {
                    nonce[b] = (byte) (n >>> (8 * b));
                }
                return nonce;
            });
            java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(Smb3Transform.HEADER_LENGTH + message.length
                    + Smb3Cipher.TAG_LENGTH);
            try {
                for (int i = 0; i < iterations; i++) {
                    byte[] sealed = t.seal(1, message);
                    t.open(sealed);
                    t.openInPlace(direct.clear().put(sealed).flip());
                }
            } catch (CryptoDecodeException e) {
                throw new IllegalStateException("warm-up message did not open", e);
            }
        }
    }

    private static byte[] smb2(int length) {
        byte[] message = new byte[length];
        message[0] = (byte) 0xFE;
        message[1] = 'S';
        message[2] = 'M';
        message[3] = 'B';
        message[4] = 64;
        return message;
    }
}
