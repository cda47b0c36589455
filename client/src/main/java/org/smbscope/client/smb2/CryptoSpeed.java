package org.smbscope.client.smb2;

/**
 * Watches how fast a session's large messages are signed, verified, sealed or opened, so that its
 * crypto warm-up ({@link SessionSecurity#warmUp}) stops as soon as the JIT has compiled the bulk
 * path: the rest of the warm-up would only take CPU from the transfer (measured: AES-128-GMAC
 * reached full speed after about 3,000 of the 8,000 warm-up calls).
 */
final class CryptoSpeed {
    /** Messages from this size on are timed. */
    static final int TIMED = 256 * 1024;
    /** Compiled JDK crypto takes 0.2 to 0.5 ms per MiB; interpreted or half-compiled 3 to 30 ms. */
    static final long FAST_NANOS_PER_MIB = 1_500_000;
    /** Consecutive fast messages that settle it. */
    static final int SETTLED = 3;

    private final java.util.function.LongSupplier nanoTime;
    private volatile boolean fast;
    private int streak;

    CryptoSpeed() {
        this(System::nanoTime);
    }

    /** @param nanoTime the clock ({@link System#nanoTime} but in tests) */
    CryptoSpeed(java.util.function.LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** True once {@link #SETTLED} large messages in a row took compiled-code time. */
    boolean fast() {
        return fast;
    }

    /** A start time for {@link #end}, or 0 when this message is not timed. */
    long start(int length) {
        return length >= TIMED && !fast ? nanoTime.getAsLong() : 0;
    }

    void end(long start, int length) {
        if (start == 0) {
            return;
        }
        long perMiB = (nanoTime.getAsLong() - start) * (1L << 20) / length;
        synchronized (this) {
            streak = perMiB < FAST_NANOS_PER_MIB ? streak + 1 : 0;
            if (streak >= SETTLED) {
                fast = true;
            }
        }
    }
}
