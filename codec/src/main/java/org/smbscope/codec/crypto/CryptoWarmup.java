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
     * Whose bulk path a warm-up runs. The JIT compiles what the calls reach, with the branches they take: calls the
     * transfer never makes cost compile time (on a 2-core machine, taken from the transfer) and leave the calls it
     * does make less compiled.
     */
    public enum Side {
        /**
         * A client's: AES-GMAC signatures of large messages part by part, from arrays and direct buffers (a READ
         * response verified, a WRITE request signed); other signing algorithms sign and verify arrays and sign a
         * header followed by a direct buffer; sealing of arrays, opening into an array of its own
         * ({@link Smb3Transform#openInto}) and in a direct buffer.
         */
        CLIENT,
        /** A server's: signing of arrays, verifying and opening of arrays and of direct buffers (large frames). */
        SERVER
    }

    /**
     * Signs and verifies {@code iterations} small messages with {@code signing}, and when
     * {@code cipher} is not null seals and opens as many. Either may be null. Verifying and opening run both on
     * arrays and on direct buffers (a server reads large frames into those).
     */
    public static void run(SigningAlgorithm signing, CipherId cipher, int iterations) {
        run(signing, cipher, iterations, Side.SERVER);
    }

    /** {@link #run(SigningAlgorithm, CipherId, int)} with the calls {@code side} makes in a bulk transfer. */
    public static void run(SigningAlgorithm signing, CipherId cipher, int iterations, Side side) {
        if (side == Side.CLIENT) {
            client(signing, cipher, iterations);
            return;
        }
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
            Smb3Transform t = throwaway(cipher);
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

    /**
     * The client's calls. AES-GMAC runs as the bulk of a large message does: many parts through one signature, so
     * that the JIT compiles the per-part path (a 1 GiB transfer makes 16,384 calls there) and leaves the per-message
     * start and finish (1,024 calls) to the lower tiers: compiling those at the top tier took more of the JIT's time
     * than the parts (JFR, jdk.Compilation). Sealing and opening stay one call per message: a GCM decryption checks
     * the tag before it hands out plaintext, so a response is opened in one call anyway, and the same done in parts
     * for the encryption left the opening of 1 MiB READ responses slow in some runs (the JIT's profile of the shared
     * GCM code then came mostly from the encryption). Opening also runs on a direct buffer, which the client does not
     * do: without it the first sealed 1 GiB read took more CPU (median of 5 alternating runs 1,320 ms against 1,120;
     * with it 1,280 against 1,480), for reasons not found.
     */
    private static void client(SigningAlgorithm signing, CipherId cipher, int iterations) {
        if (signing == SigningAlgorithm.AES_GMAC) {
            gmacParts(iterations);
        } else if (signing != null) {
            byte[] message = smb2(SIGNED_MESSAGE);
            byte[] head = java.util.Arrays.copyOf(message, Smb2Signer.HEADER_LENGTH + 48); // a WRITE's header and body
            java.nio.ByteBuffer data = java.nio.ByteBuffer.allocateDirect(SIGNED_MESSAGE);
            Smb2Signer signer = Smb2Signer.of(signing, new byte[16]);
            for (int i = 0; i < iterations; i++) {
                message[16] = 0; // Flags: a request
                signer.sign(message, 0, message.length);
                message[16] = 1; // SERVER_TO_REDIR: the response (the verification fails; it is the same work)
                signer.verify(message, 0, message.length);
                signer.compute(head, data.clear());
            }
        }
        if (cipher != null) {
            Smb3Transform t = throwaway(cipher);
            byte[] message = smb2(SEALED_MESSAGE);
            byte[] plain = new byte[SEALED_MESSAGE];
            java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(Smb3Transform.HEADER_LENGTH + message.length
                    + Smb3Cipher.TAG_LENGTH);
            try {
                for (int i = 0; i < iterations; i++) {
                    byte[] sealed = t.seal(1, message);
                    t.openInPlace(direct.clear().put(sealed).flip());
                    t.openInto(sealed, plain);
                }
            } catch (CryptoDecodeException e) {
                throw new IllegalStateException("warm-up message did not open", e);
            }
        }
    }

    /** Parts of one signed message in {@link #gmacParts}: 1 KiB each, so a 16 KiB message. */
    static final int PARTS = 16;

    /** {@code iterations} parts of AES-GMAC signatures, from arrays and from direct buffers (a WRITE's data). */
    private static void gmacParts(int iterations) {
        Smb2Signer signer = Smb2Signer.of(SigningAlgorithm.AES_GMAC, new byte[16]);
        byte[] header = smb2(Smb2Signer.HEADER_LENGTH);
        java.nio.ByteBuffer heap = java.nio.ByteBuffer.allocate(SIGNED_MESSAGE);
        java.nio.ByteBuffer direct = java.nio.ByteBuffer.allocateDirect(SIGNED_MESSAGE);
        for (int i = 0; i < iterations; i += PARTS) {
            header[24] = (byte) (i >>> 4); // MessageId: a new GMAC nonce for each message, as on the wire
            header[25] = (byte) (i >>> 12);
            header[26] = (byte) (i >>> 20);
            Smb2Signer.Running r = signer.start(header);
            for (int k = 0; k < PARTS && i + k < iterations; k++) {
                r.update((k & 1) == 0 ? heap.clear() : direct.clear());
            }
            r.finish();
        }
    }

    /** A transform with a throwaway key and a counter for nonces. */
    private static Smb3Transform throwaway(CipherId cipher) {
        byte[] key = new byte[cipher.keyLength()];
        Smb3Keys keys = new Smb3Keys(0x0311, cipher, new byte[16], key, key, new byte[16]);
        long[] counter = {0};
        return Smb3Transform.of(keys, length -> {
            byte[] nonce = new byte[length];
            long n = ++counter[0];
            for (int b = 0; b < 8; b++) {
                nonce[b] = (byte) (n >>> (8 * b));
            }
            return nonce;
        });
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
