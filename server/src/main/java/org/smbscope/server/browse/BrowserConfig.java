package org.smbscope.server.browse;

import java.net.Inet4Address;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.smbscope.codec.rap.ServerType;

/**
 * What the browser announces and how it competes: our name, workgroup and comment ({@code server string}),
 * {@code os level} (the top byte of the election criteria), {@code local master}, {@code preferred master},
 * {@code domain master}, the OS version announced (6.1 as Samba), and the hosts that receive our host
 * announcements by unicast ({@code remote announce}). Timings default to [MS-BRWS]'s and can be shortened
 * for tests.
 *
 * @param firstAnnouncement the first announcement period (1 minute), doubled after each up to {@code maxAnnouncement}
 * @param maxAnnouncement   the longest period between announcements (12 minutes)
 * @param discovery         how long a candidate waits for an existing master before calling an election
 * @param electionRound     the pause between our election requests (4 unanswered ones make us master)
 * @param masterWait        how long a candidate that lost, or saw others electing, waits for the winner's
 *                          LocalMasterAnnouncement before it calls an election again (3 minutes)
 */
public record BrowserConfig(String name, String workgroup, String comment, int osLevel, boolean localMaster,
        boolean preferredMaster, boolean domainMaster, int osMajor, int osMinor, List<Inet4Address> remoteAnnounce,
        Duration firstAnnouncement, Duration maxAnnouncement, Duration discovery, Duration electionRound,
        Duration masterWait) {
    /** SV_TYPE bits every announcement of ours carries: a Unix file server that looks like NT. */
    public static final long BASE_TYPE = ServerType.WORKSTATION | ServerType.SERVER | ServerType.SERVER_UNIX
            | ServerType.NT | ServerType.SERVER_NT;

    static final Duration DEFAULT_MASTER_WAIT = Duration.ofMinutes(3);

    public BrowserConfig {
        name = name.toUpperCase(Locale.ROOT);
        workgroup = workgroup.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(comment, "comment");
        if (comment.length() > 43) {
            comment = comment.substring(0, 43);
        }
        if (osLevel < 0 || osLevel > 255) {
            throw new IllegalArgumentException("os level must be 0..255: " + osLevel);
        }
        remoteAnnounce = List.copyOf(remoteAnnounce);
        for (Duration d : List.of(firstAnnouncement, maxAnnouncement, discovery, electionRound, masterWait)) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive");
            }
        }
    }

    /** The [MS-BRWS] timings: announcements every 1, 2, 4, 8, 12, 12... minutes. */
    public static BrowserConfig of(String name, String workgroup, String comment, int osLevel, boolean localMaster,
            boolean preferredMaster, boolean domainMaster, List<Inet4Address> remoteAnnounce) {
        return new BrowserConfig(name, workgroup, comment, osLevel, localMaster, preferredMaster, domainMaster, 6, 1,
                remoteAnnounce, Duration.ofMinutes(1), Duration.ofMinutes(12), Duration.ofSeconds(3),
                Duration.ofMillis(500), DEFAULT_MASTER_WAIT);
    }

    /** The same with other timings (tests, demos); the wait for a winner stays as it is. */
    public BrowserConfig withTimings(Duration first, Duration max, Duration discoveryWait, Duration round) {
        return withTimings(first, max, discoveryWait, round, masterWait);
    }

    /** The same with other timings, the wait for an election's winner included. */
    public BrowserConfig withTimings(Duration first, Duration max, Duration discoveryWait, Duration round,
            Duration winnerWait) {
        return new BrowserConfig(name, workgroup, comment, osLevel, localMaster, preferredMaster, domainMaster, osMajor,
                osMinor, remoteAnnounce, first, max, discoveryWait, round, winnerWait);
    }
}
