package org.smbscope.interop.nbsrv;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smbscope.interop.fixture.LoopbackAddresses;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.Samba;
import org.smbscope.interop.fixture.SambaExtension;
import org.smbscope.server.browse.BrowseServer;
import org.smbscope.server.browse.BrowserConfig;
import org.smbscope.server.browse.LocalMasterBrowser;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SmbConfParser;
import org.smbscope.server.netbios.NetbiosServices;

/**
 * An election on a real broadcast subnet: Samba's nmbd (os level 255, preferred master) and our browser (os
 * level 20) both on 127.0.0.0/8, whose broadcast address 127.255.255.255 the kernel delivers to every socket
 * bound to it. Our browser calls an election, loses to nmbd's stronger criteria, hears nmbd's
 * LocalMasterAnnouncement and takes nmbd as its master; nmbd, once master, lists our host announcement (name,
 * SV_TYPE bits, {@code server string}) in its browse list, cache/browse.dat, which smbd reads for NetServerEnum2.
 * (Samba 4.17's smbd answers {@code smbclient -L -m NT1} with an empty server list even for itself, see
 * /work/shared/captures/a_smb1_nt1.txt, so the file is where nmbd's list can be seen.)
 * The workgroup is private to this test so that other Samba instances on the host stay out of it.
 */
class NmbdElectionTest {
    static final InetAddress SAMBA_ADDRESS = LoopbackAddresses.allocate();
    static final String WORKGROUP = "NBELECT" + (SAMBA_ADDRESS.getAddress()[3] & 0xFF);

    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> b.address(SAMBA_ADDRESS).smbd(false).nmbd(true)
            .workgroup(WORKGROUP).global("interfaces = " + SAMBA_ADDRESS.getHostAddress() + "/8")
            .global("local master = yes").global("preferred master = yes").global("os level = 255"));
    static NetbiosServices nb;
    static String ourName;

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        byte[] a = SAMBA_ADDRESS.getAddress();
        a[3] = (byte) (a[3] - 1);
        InetAddress ours = InetAddress.getByAddress(a);
        ourName = "NBEL" + (a[3] & 0xFF);
        ServerConfig c = SmbConfParser.parse("""
                [global]
                netbios name = %s
                workgroup = %s
                interfaces = %s/8
                local master = yes
                os level = 20
                server string = loses elections
                """.formatted(ourName, WORKGROUP, ours.getHostAddress()), Path.of("."));
        BrowserConfig fast = BrowserConfig.of("X", "X", "", 0, true, false, false, List.of())
                .withTimings(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(1), Duration.ofMillis(500),
                        Duration.ofSeconds(30));
        nb = NetbiosServices.start(c, NetbiosServices.Ports.STANDARD, Clock.systemUTC(), new SplittableRandom(11),
                Optional.of(fast));
    }

    @AfterAll
    static void stop() {
        if (nb != null) {
            nb.close();
        }
    }

    /** browse.dat has a server line for us ("NAME" type "comment" "workgroup"), not only a workgroup naming us master. */
    static boolean listsUs(String dat) {
        return dat.lines().anyMatch(l -> l.startsWith("\"" + ourName + "\""));
    }

    @Test
    void nmbdWinsTheElectionAndBothSidesAgreeOnTheMaster() throws Exception {
        Samba s = SAMBA.samba();
        Path browseDat = s.dir().resolve("cache").resolve("browse.dat");
        String dat = "";
        for (int i = 0; i < 90; i++) {
            dat = Files.exists(browseDat) ? Files.readString(browseDat) : "";
            if (nb.browser().currentMaster().filter(s.netbiosName()::equals).isPresent() && listsUs(dat)) {
                break;
            }
            Thread.sleep(500);
        }
        assertThat(nb.browser().role()).as(s.logTail(40)).isNotEqualTo(LocalMasterBrowser.Role.MASTER);
        assertThat(nb.browser().currentMaster()).as(s.logTail(40)).contains(s.netbiosName());
        assertThat(nb.browseList().servers()).extracting(BrowseServer::name).contains(s.netbiosName());
        assertThat(listsUs(dat)).as(dat + s.logTail(40)).isTrue();
        assertThat(dat).contains("loses elections");
        String line = dat.lines().filter(l -> l.startsWith("\"" + ourName + "\"")).findFirst().orElseThrow();
        long type = Long.parseLong(line.split("\\s+")[1], 16);
        assertThat(type & BrowserConfig.BASE_TYPE).as("the SV_TYPE bits we announced: " + line)
                .isEqualTo(BrowserConfig.BASE_TYPE);
        assertThat(Files.readString(s.logs().resolve("log.nmbd")))
                .contains("is now a local master browser for workgroup " + WORKGROUP);
    }
}
