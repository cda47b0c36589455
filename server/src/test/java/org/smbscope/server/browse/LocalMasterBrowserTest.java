package org.smbscope.server.browse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.browse.Announcement;
import org.smbscope.codec.netbios.browse.AnnouncementRequest;
import org.smbscope.codec.netbios.browse.BrowserMessage;
import org.smbscope.codec.netbios.browse.GetBackupListRequest;
import org.smbscope.codec.netbios.browse.GetBackupListResponse;
import org.smbscope.codec.netbios.browse.RequestElection;
import org.smbscope.codec.rap.ServerType;

/** Elections, announcements and the browse list, driven by a hand-moved clock and a seeded random source. */
class LocalMasterBrowserTest {
    static final NetbiosName WG_1D = NetbiosName.of("SCOPEGRP", 0x1D);
    static final NetbiosName WG_1E = NetbiosName.of("SCOPEGRP", 0x1E);
    static final NetbiosName OTHER = NetbiosName.of("OTHER", 0x00);
    final TestClock clock = new TestClock();
    final BrowseList list = new BrowseList(clock);
    final Inet4Address peer = (Inet4Address) InetAddress.getLoopbackAddress();

    LocalMasterBrowser browser(boolean localMaster, boolean preferred, int osLevel) {
        return new LocalMasterBrowser(BrowserConfig.of("FILESRV", "scopegrp", "smbscope server", osLevel, localMaster,
                preferred, false, List.of()), clock, new SplittableRandom(7), list);
    }

    /** Runs the clock in 50 ms steps for {@code d}, collecting every action. */
    List<BrowserAction> run(LocalMasterBrowser b, Duration d) {
        List<BrowserAction> out = new ArrayList<>();
        for (long t = 0; t < d.toMillis(); t += 50) {
            clock.advance(Duration.ofMillis(50));
            out.addAll(b.tick());
        }
        return out;
    }

    static List<BrowserMessage> sent(List<BrowserAction> actions) {
        return actions.stream().map(a -> switch (a) {
            case BrowserAction.Broadcast x -> x.message();
            case BrowserAction.Unicast x -> x.message();
            default -> null;
        }).filter(m -> m != null).toList();
    }

    @Test
    void aLoneCandidateWinsAfterFourElectionRoundsAndTakesTheMasterNames() {
        LocalMasterBrowser b = browser(true, false, 20);
        assertThat(b.start()).isEmpty();
        assertThat(b.criteria()).isEqualTo(0x14010f02L);
        List<BrowserAction> actions = run(b, Duration.ofSeconds(6));
        assertThat(b.role()).isEqualTo(LocalMasterBrowser.Role.MASTER);
        assertThat(sent(actions).stream().filter(m -> m instanceof RequestElection)).hasSize(4)
                .allSatisfy(m -> assertThat(((RequestElection) m).serverName()).isEqualTo("FILESRV"));
        assertThat(actions).contains(new BrowserAction.AddName(WG_1D, false),
                new BrowserAction.AddName(NetbiosName.msBrowse(), true));
        Announcement lma = (Announcement) sent(actions).stream()
                .filter(m -> m.opcode() == Announcement.LOCAL_MASTER_ANNOUNCEMENT).findFirst().orElseThrow();
        assertThat(lma.serverType() & ServerType.MASTER_BROWSER).isNotZero();
        assertThat(b.criteria() & LocalMasterBrowser.DESIRE_MASTER).isNotZero();
        assertThat(list.servers()).extracting(BrowseServer::name).containsExactly("FILESRV");
        assertThat(list.workgroups()).containsExactly(new BrowseWorkgroup("SCOPEGRP", "FILESRV",
                ServerType.DOMAIN_ENUM | lma.serverType()));
        assertThat(b.currentMaster()).contains("FILESRV");
    }

    @Test
    void aPreferredMasterCallsTheElectionAtOnce() {
        LocalMasterBrowser b = browser(true, true, 20);
        List<BrowserAction> first = b.start();
        assertThat(first).singleElement().isInstanceOfSatisfying(BrowserAction.Broadcast.class, x -> {
            assertThat(x.destination()).isEqualTo(WG_1E);
            assertThat(((RequestElection) x.message()).criteria()).isEqualTo(0x14010f82L);
        });
    }

    @Test
    void aStrongerCandidateWinsAndAMasterStepsDown() {
        LocalMasterBrowser b = browser(true, false, 20);
        b.start();
        run(b, Duration.ofSeconds(6));
        assertThat(b.role()).isEqualTo(LocalMasterBrowser.Role.MASTER);
        List<BrowserAction> out = b.receive(OTHER, peer, WG_1E, new RequestElection(1, 0x20010f02L, 10, "OTHER"));
        assertThat(out).containsExactly(new BrowserAction.DropName(WG_1D),
                new BrowserAction.DropName(NetbiosName.msBrowse()));
        assertThat(b.role()).isEqualTo(LocalMasterBrowser.Role.POTENTIAL);
        b.receive(OTHER, peer, WG_1E, Announcement.localMaster(0, 60_000, "OTHER", 6, 1, 0x00051003L, "the other"));
        assertThat(b.currentMaster()).contains("OTHER");
        assertThat(sent(run(b, Duration.ofSeconds(60)))).noneMatch(m -> m instanceof RequestElection);
    }

    @Test
    void aLoserWaitsForTheWinnerAndKeepsAKnownMasterThroughItsElections() {
        LocalMasterBrowser b = browser(true, false, 20);
        b.start();
        b.receive(OTHER, peer, WG_1E, new RequestElection(1, 0x20010f02L, 10, "OTHER"));
        assertThat(sent(run(b, Duration.ofSeconds(170)))).as("no election while the winner gets ready")
                .noneMatch(m -> m instanceof RequestElection);
        b.receive(OTHER, peer, WG_1E, Announcement.localMaster(0, 60_000, "OTHER", 6, 1, 0x00051003L, ""));
        b.receive(OTHER, peer, WG_1E, new RequestElection(1, 0x20010f06L, 10, "OTHER"));
        assertThat(b.currentMaster()).as("the master's own election does not make us forget it").contains("OTHER");
        assertThat(sent(run(b, Duration.ofSeconds(170)))).noneMatch(m -> m instanceof RequestElection);
        List<BrowserAction> silence = run(b, Duration.ofSeconds(20));
        assertThat(sent(silence)).as("the master fell silent for 3 minutes").anyMatch(m -> m instanceof RequestElection);
    }

    @Test
    void aWeakerElectionRequestIsAnsweredAfterADelayAndWeStayMaster() {
        LocalMasterBrowser b = browser(true, false, 20);
        b.start();
        run(b, Duration.ofSeconds(6));
        List<BrowserAction> out = b.receive(OTHER, peer, WG_1E, new RequestElection(1, 0x01010f02L, 999_999, "OTHER"));
        assertThat(out).isEmpty();
        assertThat(b.role()).isEqualTo(LocalMasterBrowser.Role.ELECTING);
        List<BrowserAction> later = run(b, Duration.ofSeconds(3));
        assertThat(sent(later).stream().filter(m -> m instanceof RequestElection)).hasSize(4);
        assertThat(b.role()).isEqualTo(LocalMasterBrowser.Role.MASTER);
    }

    @Test
    void equalCriteriaAreDecidedByUptimeThenByTheLowerName() {
        LocalMasterBrowser b = browser(true, false, 20);
        b.start();
        clock.advance(Duration.ofSeconds(1));
        b.receive(OTHER, peer, WG_1E, new RequestElection(1, 0x14010f02L, 1000, "AAA"));
        assertThat(b.role()).as("same uptime, AAA sorts first").isEqualTo(LocalMasterBrowser.Role.POTENTIAL);
        LocalMasterBrowser c = browser(true, false, 20);
        c.start();
        clock.advance(Duration.ofSeconds(1));
        c.receive(OTHER, peer, WG_1E, new RequestElection(1, 0x14010f02L, 500, "AAA"));
        assertThat(c.role()).as("we have been up longer").isEqualTo(LocalMasterBrowser.Role.ELECTING);
    }

    @Test
    void aNonCandidateOnlyAnnouncesItselfToTheMasterBrowserName() {
        LocalMasterBrowser b = browser(false, false, 20);
        b.start();
        List<BrowserAction> out = run(b, Duration.ofMinutes(4));
        assertThat(out).allSatisfy(a -> assertThat(a).isInstanceOfSatisfying(BrowserAction.Broadcast.class,
                x -> assertThat(x.destination()).isEqualTo(WG_1D)));
        List<Announcement> ann = out.stream().map(a -> (Announcement) ((BrowserAction.Broadcast) a).message()).toList();
        assertThat(ann).extracting(Announcement::periodicityMs).containsExactly(60_000L, 120_000L, 240_000L);
        assertThat(ann.get(0).serverType() & ServerType.POTENTIAL_BROWSER).isZero();
        assertThat(ann.get(0).comment()).isEqualTo("smbscope server");
        b.receive(OTHER, peer, WG_1E, new RequestElection(1, 0, 0, "OTHER"));
        assertThat(b.role()).isEqualTo(LocalMasterBrowser.Role.NOT_A_CANDIDATE);
    }

    @Test
    void theMasterCollectsHostAnnouncementsWithAgingAndAnswersBackupListRequests() {
        LocalMasterBrowser b = browser(true, false, 20);
        b.start();
        run(b, Duration.ofSeconds(6));
        b.receive(OTHER, peer, WG_1D, Announcement.host(0, 60_000, "OTHER", 10, 0, 0x00011003L, "a laptop"));
        b.receive(OTHER, peer, NetbiosName.msBrowse(), Announcement.domain(0, 60_000, "FARAWAY", 6, 1, 0x80001000L, "FARMASTER"));
        assertThat(list.servers()).extracting(BrowseServer::name).containsExactly("FILESRV", "OTHER");
        assertThat(list.servers(ServerType.NT)).hasSize(2);
        assertThat(list.workgroups()).extracting(BrowseWorkgroup::name, BrowseWorkgroup::master)
                .contains(org.assertj.core.groups.Tuple.tuple("FARAWAY", "FARMASTER"));
        assertThat(list.serverInfo1(ServerType.ALL)).extracting(i -> i.name() + " " + i.comment())
                .containsExactly("FILESRV smbscope server", "OTHER a laptop");
        assertThat(list.serverInfo1(ServerType.DOMAIN_ENUM)).extracting(i -> i.name() + " " + i.comment())
                .containsExactly("FARAWAY FARMASTER", "SCOPEGRP FILESRV");
        assertThat(list.serverInfo1(ServerType.SERVER_UNIX)).extracting(i -> i.name()).containsExactly("FILESRV");
        List<BrowserAction> reply = b.receive(OTHER, peer, WG_1D, new GetBackupListRequest(4, 77));
        assertThat(reply).containsExactly(new BrowserAction.Unicast(peer, OTHER,
                new GetBackupListResponse(77, List.of("FILESRV"))));
        clock.advance(Duration.ofMinutes(3).plusSeconds(1));
        assertThat(list.servers()).extracting(BrowseServer::name).doesNotContain("OTHER");
        assertThat(list.workgroups()).extracting(BrowseWorkgroup::name).doesNotContain("FARAWAY");
    }

    @Test
    void anotherLocalMasterMakesTheMasterForceAnElection() {
        LocalMasterBrowser b = browser(true, false, 20);
        b.start();
        run(b, Duration.ofSeconds(6));
        b.receive(OTHER, peer, WG_1E, Announcement.localMaster(0, 60_000, "OTHER", 6, 1, 0x00051003L, ""));
        assertThat(b.role()).isEqualTo(LocalMasterBrowser.Role.ELECTING);
    }

    @Test
    void anAnnouncementRequestBringsTheNextAnnouncementForward() {
        LocalMasterBrowser b = browser(false, false, 20);
        b.start();
        run(b, Duration.ofSeconds(2));
        b.receive(OTHER, peer, WG_1E, new AnnouncementRequest("OTHER"));
        assertThat(sent(run(b, Duration.ofSeconds(31)))).hasSize(1);
    }
}
