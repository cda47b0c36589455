package org.smbscope.codec.crypto;

import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * Gives the nonces for SMB 3.x encryption ([MS-SMB2] 3.1.4.3): a nonce must never repeat for
 * one key (a repeated GCM nonce reveals the authentication key). Injected so that tests are
 * byte-reproducible.
 */
@FunctionalInterface
public interface NonceSource {
    /** The next nonce of {@code length} bytes (11 for CCM, 12 for GCM). */
    byte[] next(int length);

    /**
     * A thread-safe counter: bytes 0..7 are a 64-bit little-endian counter starting at 1, the
     * remaining bytes a salt drawn once from {@code random} (so two sources for one key are
     * unlikely to collide). Fails rather than wrap around.
     */
    static NonceSource counter(RandomGenerator random) {
        long salt = random.nextLong();
        AtomicLong counter = new AtomicLong();
        return length -> {
            if (length < 8 || length > 16) {
                throw new IllegalArgumentException("nonce length must be 8..16: " + length);
            }
            long n = counter.incrementAndGet();
            if (n == 0) {
                throw new IllegalStateException("nonce counter exhausted");
            }
            byte[] nonce = new byte[length];
            for (int i = 0; i < 8; i++) {
                nonce[i] = (byte) (n >>> (8 * i));
            }
            for (int i = 8; i < length; i++) {
                nonce[i] = (byte) (salt >>> (8 * (i - 8)));
            }
            return nonce;
        };
    }
}
