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
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;
import org.smbscope.interop.fixture.Samba;
import org.smbscope.interop.fixture.SambaExtension;
import org.smbscope.server.browse.BrowserConfig;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SmbConfParser;
import org.smbscope.server.netbios.NetbiosServices;

/**
 * Samba's nmbd as the local master browser of LABGRP hears the host announcements of our server (which
 * runs on the other host address of nmbd's /30 and announces to nmbd by {@code remote announce}) and puts us,
 * with our SV_TYPE bits and {@code server string}, in its browse list.
 */
class NmbdHearsOurAnnouncementsTest {
    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> b.nmbd(true).global("local master = yes")
            .global("preferred master = yes").global("os level = 255").global("server min protocol = NT1"));
    static NetbiosServices nb;
    static String ourName;

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        Samba s = SAMBA.samba();
        byte[] a = s.address().getAddress();
        a[3] = (byte) (a[3] - 1); // 4k+1: same /30 as nmbd's 4k+2, not handed out by LoopbackAddresses
        InetAddress ours = InetAddress.getByAddress(a);
        ourName = "NBANN" + (a[3] & 0xFF);
        // no netmask: no broadcast address, so we send nothing to nmbd's broadcast socket and bind only our address
        ServerConfig c = SmbConfParser.parse("""
                [global]
                netbios name = %s
                workgroup = %s
                interfaces = %s
                local master = no
                server string = announced by smbscope
                remote announce = %s/%s
                """.formatted(ourName, s.workgroup(), ours.getHostAddress(), s.address().getHostAddress(), s.workgroup()),
                Path.of("."));
        BrowserConfig fast = BrowserConfig.of("X", "X", "", 0, false, false, false, List.of())
                .withTimings(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(1), Duration.ofMillis(200));
        nb = NetbiosServices.start(c, NetbiosServices.Ports.STANDARD, Clock.systemUTC(), new SplittableRandom(9),
                Optional.of(fast));
    }

    @AfterAll
    static void stop() {
        if (nb != null) {
            nb.close();
        }
    }

    static ProcessResult list(Samba s) {
        return ProcessRunner.run(Duration.ofSeconds(20), List.of(Peers.require("smbclient").toString(), "-s",
                s.configFile().toString(), "-L", "//" + s.netbiosName(), "-I", s.address().getHostAddress(), "-m", "NT1",
                "--option=client min protocol=NT1", "-N"));
    }

    /**
     * nmbd writes its browse list to cache/browse.dat (one line per server: "NAME" type "comment" "workgroup"),
     * which smbd reads for NetServerEnum2. Samba 4.17's smbd returns an empty server list to smbclient -L even for
     * itself (see /work/shared/captures/a_smb1_nt1.txt), so the file is where nmbd's list can be seen.
     */
    @Test
    void nmbdPutsOurServerInItsBrowseList() throws Exception {
        Samba s = SAMBA.samba();
        Path browseDat = s.dir().resolve("cache").resolve("browse.dat");
        String dat = "";
        for (int i = 0; i < 60 && !dat.contains(ourName); i++) { // nmbd must win its election (about 25 s) first
            Thread.sleep(1000);
            dat = Files.exists(browseDat) ? Files.readString(browseDat) : "";
        }
        assertThat(dat).as(s.logTail(30)).containsPattern("\"" + ourName + "\" +[0-9a-f]{8} \"announced by smbscope\" +\""
                + s.workgroup() + "\"");
        String line = dat.lines().filter(l -> l.startsWith("\"" + ourName + "\"")).findFirst().orElseThrow();
        long type = Long.parseLong(line.split("\\s+")[1], 16);
        assertThat(type & BrowserConfig.BASE_TYPE).as("the SV_TYPE bits we announced").isEqualTo(BrowserConfig.BASE_TYPE);
        ProcessResult r = list(s);
        assertThat(r.stdout()).as(r.output()).containsPattern(s.workgroup() + " +" + s.netbiosName());
    }
}
