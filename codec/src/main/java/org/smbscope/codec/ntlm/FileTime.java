package org.smbscope.codec.ntlm;

import java.time.Instant;

/** Windows FILETIME (100 ns ticks since 1601-01-01 UTC), as used by MsvAvTimestamp. */
final class FileTime {
    private static final long EPOCH_DIFF_SECONDS = 11_644_473_600L;

    private FileTime() {
    }

    static long fromInstant(Instant t) {
        return (t.getEpochSecond() + EPOCH_DIFF_SECONDS) * 10_000_000L + t.getNano() / 100;
    }

    static Instant toInstant(long fileTime) {
        long secs = Long.divideUnsigned(fileTime, 10_000_000L) - EPOCH_DIFF_SECONDS;
        long ticks = Long.remainderUnsigned(fileTime, 10_000_000L);
        return Instant.ofEpochSecond(secs, ticks * 100);
    }
}
