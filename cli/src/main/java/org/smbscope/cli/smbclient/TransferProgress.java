package org.smbscope.cli.smbclient;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * The progress line of a get or put: shown on a terminal only, and only once a transfer has run
 * for a second, redrawn at most ten times a second on stderr, e.g.
 * {@code big.bin  45.0 MiB of 64.0 MiB (70%)  812.3 MiB/s}. The clock is injected.
 */
final class TransferProgress implements LongConsumer {
    private static final long SHOW_AFTER = 1_000_000_000L;
    private static final long REDRAW_EVERY = 100_000_000L;

    /** Starts the progress of one transfer. */
    @FunctionalInterface
    interface Factory {
        TransferProgress start(String name, long total);
    }

    /** No progress line (output is not a terminal, or --json). */
    static Factory none() {
        return (name, total) -> new TransferProgress(null, name, total, () -> 0L);
    }

    /** A progress line on {@code err}, timed by {@code nanos}. */
    static Factory on(PrintWriter err, LongSupplier nanos) {
        return (name, total) -> new TransferProgress(err, name, total, nanos);
    }

    private final PrintWriter err;
    private final String name;
    private final long total;
    private final LongSupplier nanos;
    private final long start;
    private long lastDraw = Long.MIN_VALUE;
    private boolean shown;

    private TransferProgress(PrintWriter err, String name, long total, LongSupplier nanos) {
        this.err = err;
        this.name = name;
        this.total = total;
        this.nanos = nanos;
        this.start = nanos.getAsLong();
    }

    @Override
    public void accept(long done) {
        if (err == null) {
            return;
        }
        long now = nanos.getAsLong();
        if (now - start < SHOW_AFTER || (shown && now - lastDraw < REDRAW_EVERY)) {
            return;
        }
        lastDraw = now;
        shown = true;
        err.print("\r" + line(name, done, total, now - start) + "   ");
        err.flush();
    }

    /** Ends the line if one was drawn. */
    void finish() {
        if (shown) {
            err.println();
            err.flush();
        }
    }

    static String line(String name, long done, long total, long elapsedNanos) {
        double secs = Math.max(1e-9, elapsedNanos / 1e9);
        String of = total > 0 ? String.format(Locale.ROOT, " of %s (%d%%)", size(total), done * 100 / total) : "";
        return String.format(Locale.ROOT, "%s  %s%s  %s/s", name, size(done), of, size((long) (done / secs)));
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
