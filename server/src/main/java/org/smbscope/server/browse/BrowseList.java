package org.smbscope.server.browse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.smbscope.codec.rap.ServerInfo1;
import org.smbscope.codec.rap.ServerType;

/**
 * The browse list a master browser keeps, [MS-BRWS] 3.3.1: servers and workgroups, each forgotten when it has
 * not been announced for three of its announced periods ([MS-BRWS] 3.3.6). Thread-safe; the clock is
 * injected. At most {@link #MAX_ENTRIES} servers and as many workgroups are kept (new ones are dropped
 * beyond that, so a flood of announcements cannot grow it without bound).
 */
public final class BrowseList {
    public static final int MAX_ENTRIES = 4096;
    /** The lifetime of an entry whose announcement gave no period. */
    static final Duration DEFAULT_TTL = Duration.ofMinutes(36);

    private record Timed<T>(T value, Instant expires) {
    }

    private final Clock clock;
    private final Map<String, Timed<BrowseServer>> servers = new LinkedHashMap<>();
    private final Map<String, Timed<BrowseWorkgroup>> workgroups = new LinkedHashMap<>();

    public BrowseList(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The servers still alive, by name. */
    public synchronized List<BrowseServer> servers() {
        expire();
        return servers.values().stream().map(Timed::value).sorted(Comparator.comparing(BrowseServer::name)).toList();
    }

    /** The servers with any of the SV_TYPE bits in {@code typeMask} (NetServerEnum2's filter; ALL = 0xFFFFFFFF). */
    public List<BrowseServer> servers(long typeMask) {
        return servers().stream().filter(s -> (s.type() & typeMask) != 0).toList();
    }

    /**
     * The answer to NetServerEnum2 ([MS-RAP] 3.2.5.29): for a type mask that asks for domains only
     * (SV_TYPE_DOMAIN_ENUM and not SV_TYPE_ALL), the workgroups, each with its master browser's name as
     * the comment; otherwise the servers with any of the mask's bits.
     */
    public List<ServerInfo1> serverInfo1(long typeMask) {
        long mask = typeMask & 0xFFFF_FFFFL;
        if (mask != ServerType.ALL && (mask & ServerType.DOMAIN_ENUM) != 0) {
            return workgroups().stream().map(w -> new ServerInfo1(w.name(), 0, 0, new ServerType(w.type()), w.master()))
                    .toList();
        }
        return servers(mask).stream().map(srv -> new ServerInfo1(srv.name(), srv.osMajor(), srv.osMinor(),
                new ServerType(srv.type()), srv.comment())).toList();
    }

    /** The workgroups still alive, by name. */
    public synchronized List<BrowseWorkgroup> workgroups() {
        expire();
        return workgroups.values().stream().map(Timed::value).sorted(Comparator.comparing(BrowseWorkgroup::name))
                .toList();
    }

    synchronized void put(BrowseServer s, Duration ttl) {
        put(servers, s.name(), s, ttl);
    }

    synchronized void put(BrowseWorkgroup w, Duration ttl) {
        put(workgroups, w.name(), w, ttl);
    }

    synchronized void removeServer(String name) {
        servers.remove(key(name));
    }

    private <T> void put(Map<String, Timed<T>> map, String name, T value, Duration ttl) {
        expire();
        String k = key(name);
        if (!map.containsKey(k) && map.size() >= MAX_ENTRIES) {
            return;
        }
        Duration life = ttl.isZero() || ttl.isNegative() ? DEFAULT_TTL : ttl;
        map.put(k, new Timed<>(value, clock.instant().plus(life)));
    }

    private void expire() {
        Instant now = clock.instant();
        servers.values().removeIf(t -> !t.expires().isAfter(now));
        workgroups.values().removeIf(t -> !t.expires().isAfter(now));
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
