package org.smbscope.server.smb2;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.smbscope.codec.crypto.CipherId;
import org.smbscope.codec.crypto.CryptoWarmup;
import org.smbscope.codec.crypto.SigningAlgorithm;

/**
 * Runs {@link CryptoWarmup} once per algorithm for the whole server, on a low-priority daemon thread, when the
 * first large signed or sealed message moves: the JDK's AES and carry-less-multiply intrinsics only apply in
 * top-tier compiled code, which a bulk transfer of a few hundred 8 MiB messages never reaches by itself
 * (measured: smbclient get of 256 MiB, signed with AES-128-GMAC, 23 MiB/s cold; see docs/BENCHMARKS.md).
 */
final class CryptoWarmups {
    /** Messages from this size on start the warm-up (small ones reach the top tier by themselves). */
    static final int BULK = 64 * 1024;

    private final Set<Object> started = ConcurrentHashMap.newKeySet();

    /** Starts the warm-up of {@code signing} and/or {@code cipher} (either may be null) unless already started. */
    void warm(SigningAlgorithm signing, CipherId cipher) {
        SigningAlgorithm s = signing != null && started.add(signing) ? signing : null;
        CipherId c = cipher != null && started.add(cipher) ? cipher : null;
        if (s == null && c == null) {
            return;
        }
        Thread.ofPlatform().daemon().name("smb-crypto-warmup").priority(Thread.MIN_PRIORITY)
                .start(() -> CryptoWarmup.run(s, c, CryptoWarmup.DEFAULT_ITERATIONS));
    }

    /** The algorithms started so far (for tests). */
    boolean started(Object algorithm) {
        return started.contains(algorithm);
    }
}
