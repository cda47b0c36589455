package org.smbscope.codec.dtyp;

import java.time.Instant;

/**
 * A FILETIME, [MS-DTYP] 2.3.3: 100-nanosecond intervals since 1601-01-01T00:00:00Z, as an unsigned
 * 64-bit value. Zero means "not set" (and, in SET_INFO, "do not change"); -1 also has meanings in
 * SET_INFO, so the raw value is kept.
 */
public record FileTime(long value) implements Comparable<FileTime> {
    public static final FileTime ZERO = new FileTime(0);
    /** Seconds between 1601-01-01 and 1970-01-01. */
    static final long EPOCH_DIFF_SECONDS = 11_644_473_600L;

    public static FileTime of(Instant instant) {
        long seconds = Math.addExact(instant.getEpochSecond(), EPOCH_DIFF_SECONDS);
        return new FileTime(Math.addExact(Math.multiplyExact(seconds, 10_000_000L), instant.getNano() / 100));
    }

    /** The instant; values beyond what Instant holds are not possible (2^64 x 100ns < 60,000 years). */
    public Instant toInstant() {
        long seconds = Long.divideUnsigned(value, 10_000_000L) - EPOCH_DIFF_SECONDS;
        long nanos = Long.remainderUnsigned(value, 10_000_000L) * 100;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    public boolean isZero() {
        return value == 0;
    }

    @Override
    public int compareTo(FileTime o) {
        return Long.compareUnsigned(value, o.value);
    }

    /** ISO-8601 instant, or "0 (not set)". */
    @Override
    public String toString() {
        return value == 0 ? "0 (not set)" : toInstant().toString();
    }
}
