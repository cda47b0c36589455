package org.smbscope.server.auth;

import java.util.random.RandomGenerator;

/** The server's injected random source shared by many session setups at once: each draw under its lock. */
public record LockedRandom(RandomGenerator inner) implements RandomGenerator {
    @Override
    public long nextLong() {
        synchronized (inner) {
            return inner.nextLong();
        }
    }

    @Override
    public void nextBytes(byte[] bytes) {
        synchronized (inner) {
            inner.nextBytes(bytes);
        }
    }
}
