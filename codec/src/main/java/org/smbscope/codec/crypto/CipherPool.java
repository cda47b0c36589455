package org.smbscope.codec.crypto;

import java.security.GeneralSecurityException;
import java.util.concurrent.ArrayBlockingQueue;
import javax.crypto.Cipher;

/**
 * A few JDK ciphers of one transformation, handed back after use and initialised again for the next message:
 * {@code Cipher.getInstance} looks the provider up each time, and with thousands of small messages (a session's
 * crypto warm-up, a directory listing) that lookup was hot enough for the JIT's top tier to spend more time
 * compiling it (measured: half a second of C2 time in the first transfer of a JVM) than on the crypto itself.
 * Thread-safe: a cipher is used by one thread between {@link #take} and {@link #give}; one that failed midway is
 * simply not given back.
 */
final class CipherPool {
    /** Idle ciphers kept: about the threads that use one key at once (sender, reader, warm-up). */
    private static final int KEPT = 4;
    private final String transformation;
    private final ArrayBlockingQueue<Cipher> idle = new ArrayBlockingQueue<>(KEPT);

    CipherPool(String transformation) {
        this.transformation = transformation;
    }

    /** An idle cipher (still initialised for its last message) or a new one. */
    Cipher take() throws GeneralSecurityException {
        Cipher c = idle.poll();
        return c != null ? c : fresh();
    }

    /** A new cipher, never used: the JDK refuses to encrypt again with a GCM cipher's last key and nonce. */
    Cipher fresh() throws GeneralSecurityException {
        return Cipher.getInstance(transformation);
    }

    /** Hands a cipher back once its message is done (after doFinal). */
    void give(Cipher c) {
        idle.offer(c);
    }
}
