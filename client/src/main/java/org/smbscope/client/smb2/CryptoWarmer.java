package org.smbscope.client.smb2;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

import org.smbscope.codec.crypto.CipherId;
import org.smbscope.codec.crypto.CryptoWarmup;
import org.smbscope.codec.crypto.SigningAlgorithm;

/**
 * A connection's crypto warm-up ({@link CryptoWarmup}, the calls a client's transfer makes): brings the JDK code for
 * a signing algorithm or cipher to full speed on a daemon thread, once per algorithm and connection. Started as soon
 * as NEGOTIATE has named the algorithms (the session setup's round trips then overlap it), and again by each session
 * for what it actually uses, which is a no-op for what is warmed or under way. Runs in batches and stops as soon as
 * the connection's own large messages run at compiled speed ({@link CryptoSpeed}); the rest would only take CPU from
 * the transfer.
 */
final class CryptoWarmer {
    /** Warm-up calls between two looks at {@link CryptoSpeed#fast}. */
    static final int BATCH = 250;
    /** Calls at most, when no large message says it is done (no transfer yet). */
    static final int MAX = CryptoWarmup.DEFAULT_ITERATIONS;

    /** Runs {@code iterations} warm-up calls for a signing algorithm or a cipher (one of them null). */
    interface Warmup {
        void run(SigningAlgorithm signing, CipherId cipher, int iterations);
    }

    final CryptoSpeed signSpeed;
    final CryptoSpeed sealSpeed;
    private final Set<Object> started = ConcurrentHashMap.newKeySet();
    private final Warmup warmup;
    private final Consumer<Runnable> background;

    CryptoWarmer() {
        this((s, c, n) -> CryptoWarmup.run(s, c, n, CryptoWarmup.Side.CLIENT),
                task -> Thread.ofPlatform().daemon().name("smb2-crypto-warmup").priority(Thread.MIN_PRIORITY).start(task),
                System::nanoTime);
    }

    /**
     * @param background starts a task in the background
     * @param nanoTime   the clock of the speed checks
     */
    CryptoWarmer(Warmup warmup, Consumer<Runnable> background, java.util.function.LongSupplier nanoTime) {
        this.warmup = warmup;
        this.signSpeed = new CryptoSpeed(nanoTime);
        this.sealSpeed = new CryptoSpeed(nanoTime);
        this.background = background;
    }

    /** Warms {@code algorithm} up unless this connection already did or does; null does nothing. */
    void signing(SigningAlgorithm algorithm) {
        if (algorithm != null && started.add(algorithm)) {
            background.accept(() -> batches(signSpeed::fast, n -> warmup.run(algorithm, null, n)));
        }
    }

    /** Warms {@code cipher} up unless this connection already did or does; null does nothing. */
    void sealing(CipherId cipher) {
        if (cipher != null && started.add(cipher)) {
            background.accept(() -> batches(sealSpeed::fast, n -> warmup.run(null, cipher, n)));
        }
    }

    /**
     * The stopping rule: {@link #BATCH} calls at a time until {@code fast} says the transfer's own large messages run
     * at compiled speed, or {@link #MAX} calls; returns the calls made.
     */
    static int batches(BooleanSupplier fast, IntConsumer batch) {
        int done = 0;
        while (done < MAX && !fast.getAsBoolean()) {
            batch.accept(BATCH);
            done += BATCH;
        }
        return done;
    }
}
