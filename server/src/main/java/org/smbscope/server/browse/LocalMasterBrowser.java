package org.smbscope.server.browse;

import java.net.Inet4Address;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.codec.netbios.NameSuffix;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.browse.Announcement;
import org.smbscope.codec.netbios.browse.AnnouncementRequest;
import org.smbscope.codec.netbios.browse.BrowserMessage;
import org.smbscope.codec.netbios.browse.GetBackupListRequest;
import org.smbscope.codec.netbios.browse.GetBackupListResponse;
import org.smbscope.codec.netbios.browse.RequestElection;
import org.smbscope.codec.rap.ServerType;

/**
 * The browser of one subnet, [MS-BRWS] 3.2 / 3.3: announces this server, takes part in elections when it is a
 * local master candidate, and when it wins, owns WORKGROUP&lt;1D&gt; and __MSBROWSE__&lt;01&gt;, sends
 * LocalMasterAnnouncements and DomainAnnouncements, collects HostAnnouncements into the {@link BrowseList}
 * and answers GetBackupListRequests.
 *
 * <p>A pure state machine: {@link #start()}, {@link #receive} and {@link #tick()} return the
 * {@link BrowserAction}s to carry out; time comes from the injected clock, the random election and
 * response delays from the injected generator. Thread-safe (one lock).
 *
 * <p>Elections ([MS-BRWS] 3.2.6.2, 3.3.6.x): the criteria word is {@code os level << 24 | 1 << 16 | 15 << 8 |
 * desire} (browser version 15.1; desire bits 0x02 standby, 0x04 master, 0x08 domain master, 0x80 preferred
 * master); a higher election version wins, then higher criteria, then longer uptime, then the lower name.
 * A candidate that hears a weaker request answers with its own after a delay by role (master 0-100 ms,
 * others 800-3000 ms); four of its requests without a stronger answer make it master. A candidate that
 * loses waits {@link BrowserConfig#masterWait()} after the last election request it heard for the winner's
 * LocalMasterAnnouncement before it calls another election (without that wait a slow winner, such as nmbd which
 * needs several seconds to register WORKGROUP&lt;1D&gt;, would be pestered into election after election).
 */
public final class LocalMasterBrowser {
    private static final Logger LOG = LoggerFactory.getLogger(LocalMasterBrowser.class);
    public static final int ELECTION_VERSION = 1;
    static final int ROUNDS_TO_WIN = 4;
    static final int DESIRE_STANDBY = 0x02;
    static final int DESIRE_MASTER = 0x04;
    static final int DESIRE_DOMAIN_MASTER = 0x08;
    static final int DESIRE_PREFERRED = 0x80;
    /** How long a potential browser may wait before answering an AnnouncementRequest ([MS-BRWS] 3.2.5.x: 30 s). */
    static final Duration ANNOUNCE_REQUEST_WINDOW = Duration.ofSeconds(30);

    /** Where this browser stands. */
    public enum Role {
        /** {@code local master = no}: only announces itself. */
        NOT_A_CANDIDATE,
        /** A candidate that is not master (another one is, or none is known yet). */
        POTENTIAL,
        /** Running an election. */
        ELECTING,
        /** The local master browser of its workgroup on this subnet. */
        MASTER
    }

    private final BrowserConfig config;
    private final Clock clock;
    private final RandomGenerator random;
    private final BrowseList list;
    private final NetbiosName masterName;
    private final NetbiosName electionName;
    private final NetbiosName msBrowse;
    private final NetbiosName domainMasterName;

    private Role role;
    private Instant startedAt;
    private String currentMaster;
    private Instant discoveryEndsAt;
    private Instant electionAt;
    private int electionRounds;
    private Instant announceAt;
    private Duration period;
    private int updateCount;

    public LocalMasterBrowser(BrowserConfig config, Clock clock, RandomGenerator random, BrowseList list) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.list = Objects.requireNonNull(list, "list");
        this.masterName = NetbiosName.of(config.workgroup(), NameSuffix.MASTER_BROWSER.value());
        this.electionName = NetbiosName.of(config.workgroup(), NameSuffix.BROWSER_ELECTIONS.value());
        this.msBrowse = NetbiosName.msBrowse();
        this.domainMasterName = NetbiosName.of(config.workgroup(), NameSuffix.DOMAIN_MASTER_BROWSER.value());
        this.role = config.localMaster() ? Role.POTENTIAL : Role.NOT_A_CANDIDATE;
    }

    public synchronized Role role() {
        return role;
    }

    /** The local master browser's name as last heard (ours when we are master). */
    public synchronized Optional<String> currentMaster() {
        return Optional.ofNullable(currentMaster);
    }

    public BrowseList browseList() {
        return list;
    }

    public BrowserConfig config() {
        return config;
    }

    /** The SV_TYPE bits we announce now. */
    public synchronized long serverType() {
        long t = BrowserConfig.BASE_TYPE;
        if (config.localMaster()) {
            t |= ServerType.POTENTIAL_BROWSER;
        }
        if (role == Role.MASTER) {
            t |= ServerType.MASTER_BROWSER;
            if (config.domainMaster()) {
                t |= ServerType.DOMAIN_MASTER;
            }
        }
        return t;
    }

    /** Our election criteria word, [MS-BRWS] 2.2.6. */
    public synchronized long criteria() {
        int desire = 0;
        if (config.localMaster()) {
            desire |= DESIRE_STANDBY;
        }
        if (role == Role.MASTER) {
            desire |= DESIRE_MASTER;
        }
        if (config.domainMaster()) {
            desire |= DESIRE_DOMAIN_MASTER;
        }
        if (config.preferredMaster()) {
            desire |= DESIRE_PREFERRED;
        }
        return ((long) config.osLevel() << 24) | (Announcement.BROWSER_VERSION_MINOR << 16)
                | (Announcement.BROWSER_VERSION_MAJOR << 8) | desire;
    }

    /** Begins: schedules the first announcement and, for a candidate, the wait for a master (none when preferred). */
    public synchronized List<BrowserAction> start() {
        Instant now = clock.instant();
        startedAt = now;
        period = config.firstAnnouncement();
        announceAt = now.plusMillis(random.nextLong(0, 1000));
        List<BrowserAction> out = new ArrayList<>();
        if (role == Role.POTENTIAL) {
            if (config.preferredMaster()) {
                startElection(now, out); // a preferred master forces an election when it starts
            } else {
                discoveryEndsAt = now.plus(config.discovery());
            }
        }
        return out;
    }

    /** Advances the timers: discovery timeout, election rounds, periodic announcements. */
    public synchronized List<BrowserAction> tick() {
        Instant now = clock.instant();
        List<BrowserAction> out = new ArrayList<>();
        if (startedAt == null) {
            return out;
        }
        if (role == Role.POTENTIAL && discoveryEndsAt != null && !now.isBefore(discoveryEndsAt)) {
            discoveryEndsAt = null;
            LOG.info("no local master browser heard for {} on this subnet; calling an election", config.workgroup());
            startElection(now, out);
        }
        if (role == Role.ELECTING && electionAt != null && !now.isBefore(electionAt)) {
            if (electionRounds >= ROUNDS_TO_WIN) {
                becomeMaster(now, out);
            } else {
                out.add(new BrowserAction.Broadcast(electionName, true, election(now)));
                electionRounds++;
                electionAt = now.plus(config.electionRound());
            }
        }
        if (!now.isBefore(announceAt)) {
            announce(now, out);
        }
        return out;
    }

    /**
     * One browser message received in a datagram from {@code source} (the sender's NetBIOS name) at
     * {@code sourceIp}, addressed to {@code destination}.
     */
    public synchronized List<BrowserAction> receive(NetbiosName source, Inet4Address sourceIp, NetbiosName destination,
            BrowserMessage message) {
        Instant now = clock.instant();
        List<BrowserAction> out = new ArrayList<>();
        if (startedAt == null) {
            return out;
        }
        switch (message) {
            case RequestElection e when destination.equals(electionName) -> onElection(e, now, out);
            case Announcement a when a.opcode() == Announcement.HOST_ANNOUNCEMENT && destination.equals(masterName) ->
                    list.put(server(a), ttl(a));
            case Announcement a when a.opcode() == Announcement.LOCAL_MASTER_ANNOUNCEMENT
                    && destination.equals(electionName) -> onLocalMaster(a, now, out);
            case Announcement a when a.opcode() == Announcement.DOMAIN_ANNOUNCEMENT ->
                    list.put(new BrowseWorkgroup(a.serverName(), a.comment(), a.serverType()), ttl(a));
            case AnnouncementRequest r -> {
                Instant soon = now.plusMillis(random.nextLong(0, ANNOUNCE_REQUEST_WINDOW.toMillis()));
                if (soon.isBefore(announceAt)) {
                    announceAt = soon;
                }
            }
            case GetBackupListRequest g when role == Role.MASTER && destination.equals(masterName) ->
                    out.add(new BrowserAction.Unicast(sourceIp, source,
                            new GetBackupListResponse(g.token(), List.of(config.name()))));
            default -> LOG.debug("browser ignores {} from {} to {}", message.detail().render().lines().skip(1)
                    .findFirst().orElse("?").strip(), source, destination);
        }
        return out;
    }

    /** Stops: a master gives up its names. */
    public synchronized List<BrowserAction> stop() {
        List<BrowserAction> out = new ArrayList<>();
        if (role == Role.MASTER) {
            stepDown(out);
        }
        startedAt = null;
        return out;
    }

    private void onElection(RequestElection e, Instant now, List<BrowserAction> out) {
        if (e.serverName().equalsIgnoreCase(config.name()) || role == Role.NOT_A_CANDIDATE) {
            return;
        }
        if (theyWin(e, now)) {
            LOG.info("election for {}: {} wins over us (criteria 0x{} vs 0x{})", config.workgroup(), e.serverName(),
                    Long.toHexString(e.criteria()), Long.toHexString(criteria()));
            if (role == Role.MASTER) {
                stepDown(out);
            }
            if (role != Role.POTENTIAL) {
                currentMaster = null; // we were in the running: the winner will announce itself
            }
            role = Role.POTENTIAL;
            electionAt = null;
            // elections are under way: wait for the winner's LocalMasterAnnouncement before calling another
            Instant wait = now.plus(config.masterWait());
            if (discoveryEndsAt == null || discoveryEndsAt.isBefore(wait)) {
                discoveryEndsAt = wait;
            }
            return;
        }
        if (role != Role.ELECTING) {
            long delay = role == Role.MASTER ? random.nextLong(0, 100) : random.nextLong(800, 3000);
            beginElection(now.plusMillis(delay));
        }
    }

    private void onLocalMaster(Announcement a, Instant now, List<BrowserAction> out) {
        if (a.serverName().equalsIgnoreCase(config.name())) {
            return;
        }
        list.put(server(a), ttl(a));
        list.put(new BrowseWorkgroup(config.workgroup(), a.serverName(), ServerType.DOMAIN_ENUM | a.serverType()), ttl(a));
        if (role == Role.MASTER) {
            LOG.info("another local master browser {} for {}: forcing an election", a.serverName(), config.workgroup());
            beginElection(now.plusMillis(random.nextLong(0, 100)));
            return;
        }
        currentMaster = a.serverName();
        if (role == Role.POTENTIAL) {
            // the master is alive; if it falls silent for three of its periods, call an election
            Duration silence = ttl(a).compareTo(config.masterWait()) > 0 ? ttl(a) : config.masterWait();
            discoveryEndsAt = now.plus(silence);
        }
    }

    private boolean theyWin(RequestElection e, Instant now) {
        if (e.version() != ELECTION_VERSION) {
            return e.version() > ELECTION_VERSION;
        }
        long ours = criteria();
        if (e.criteria() != ours) {
            return Long.compareUnsigned(e.criteria(), ours) > 0;
        }
        long uptime = uptime(now);
        if (e.uptimeMs() != uptime) {
            return e.uptimeMs() > uptime;
        }
        return config.name().compareToIgnoreCase(e.serverName()) > 0;
    }

    private long uptime(Instant now) {
        return Math.min(0xFFFF_FFFFL, Duration.between(startedAt, now).toMillis());
    }

    private RequestElection election(Instant now) {
        return new RequestElection(ELECTION_VERSION, criteria(), uptime(now), config.name());
    }

    private void startElection(Instant now, List<BrowserAction> out) {
        beginElection(now);
        out.add(new BrowserAction.Broadcast(electionName, true, election(now)));
        electionRounds = 1;
        electionAt = now.plus(config.electionRound());
    }

    private void beginElection(Instant first) {
        role = Role.ELECTING;
        electionRounds = 0;
        electionAt = first;
        discoveryEndsAt = null;
    }

    private void becomeMaster(Instant now, List<BrowserAction> out) {
        LOG.info("{} is now the local master browser for {}", config.name(), config.workgroup());
        role = Role.MASTER;
        electionAt = null;
        currentMaster = config.name();
        out.add(new BrowserAction.AddName(masterName, false));
        out.add(new BrowserAction.AddName(msBrowse, true));
        if (config.domainMaster()) {
            out.add(new BrowserAction.AddName(domainMasterName, false));
        }
        period = config.firstAnnouncement();
        announce(now, out);
    }

    private void stepDown(List<BrowserAction> out) {
        LOG.info("{} is no longer the local master browser for {}", config.name(), config.workgroup());
        role = Role.POTENTIAL;
        currentMaster = null;
        out.add(new BrowserAction.DropName(masterName));
        out.add(new BrowserAction.DropName(msBrowse));
        if (config.domainMaster()) {
            out.add(new BrowserAction.DropName(domainMasterName));
        }
    }

    private void announce(Instant now, List<BrowserAction> out) {
        long type = serverType();
        long ms = period.toMillis();
        int count = updateCount++ & 0xFF;
        if (role == Role.MASTER) {
            Announcement lma = Announcement.localMaster(count, ms, config.name(), config.osMajor(), config.osMinor(), type,
                    config.comment());
            out.add(new BrowserAction.Broadcast(electionName, true, lma));
            out.add(new BrowserAction.Broadcast(msBrowse, true, Announcement.domain(count, ms, config.workgroup(),
                    config.osMajor(), config.osMinor(), ServerType.DOMAIN_ENUM | type, config.name())));
            Duration ttl = period.multipliedBy(3);
            list.put(server(lma), ttl);
            list.put(new BrowseWorkgroup(config.workgroup(), config.name(), ServerType.DOMAIN_ENUM | type), ttl);
        } else {
            out.add(new BrowserAction.Broadcast(masterName, false, hostAnnouncement(count, ms, type)));
        }
        for (Inet4Address remote : config.remoteAnnounce()) {
            out.add(new BrowserAction.Unicast(remote, masterName, hostAnnouncement(count, ms, type)));
        }
        announceAt = now.plus(period);
        Duration next = period.multipliedBy(2);
        period = next.compareTo(config.maxAnnouncement()) > 0 ? config.maxAnnouncement() : next;
    }

    private Announcement hostAnnouncement(int count, long ms, long type) {
        return Announcement.host(count, ms, config.name(), config.osMajor(), config.osMinor(), type, config.comment());
    }

    private static BrowseServer server(Announcement a) {
        return new BrowseServer(a.serverName(), a.serverType(), a.osVersionMajor(), a.osVersionMinor(), a.comment());
    }

    /** Three announcement periods, [MS-BRWS] 3.3.6. */
    private static Duration ttl(Announcement a) {
        return Duration.ofMillis(a.periodicityMs()).multipliedBy(3);
    }
}
