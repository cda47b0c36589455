package org.smbscope.trace.explain;

import java.time.Duration;
import java.time.Instant;
import org.smbscope.codec.status.NtStatus;

/** Shared wording: statuses with their Windows error, clock differences, byte sizes. */
public final class Sentences {
    /** Kerberos' default tolerance for clock differences (RFC 4120 and Windows' "Maximum tolerance"). */
    public static final Duration KERBEROS_SKEW = Duration.ofMinutes(5);

    private Sentences() {
    }

    /** "STATUS_LOGON_FAILURE (NT_STATUS_LOGON_FAILURE, 0xc000006d); Windows shows "System error 1326 ..."". */
    public static String status(NtStatus s) {
        String text = s.name() + " (" + s.hex() + ")";
        return s.win32().filter(w -> w.code() != 0)
                .map(w -> text + "; a Windows client reports \"System error " + Integer.toUnsignedString(w.code())
                        + " has occurred. " + w.message() + "\"")
                .orElse(text);
    }

    /** "the server's clock is 3 min 20 s ahead of this host's (capture) clock". */
    public static String skew(Instant serverTime, Instant localTime) {
        Duration d = Duration.between(localTime, serverTime);
        String amount = human(d.abs());
        String dir = d.isNegative() ? "behind" : "ahead of";
        return "the server's clock reads " + serverTime + ", " + amount + " " + dir + " the observer's clock"
                + (d.abs().compareTo(KERBEROS_SKEW) > 0 ? ": more than the 5 minutes Kerberos allows" : "");
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 1) {
            return d.toMillis() + " ms";
        }
        if (s < 120) {
            return s + " s";
        }
        if (s < 7200) {
            return (s / 60) + " min " + (s % 60) + " s";
        }
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }

    static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return (bytes / (1024 * 1024)) + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return (bytes / 1024) + " KiB";
        }
        return bytes + " bytes";
    }
}
