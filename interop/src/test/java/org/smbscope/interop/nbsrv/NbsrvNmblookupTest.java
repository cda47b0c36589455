package org.smbscope.interop.nbsrv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smbscope.interop.fixture.LoopbackAddresses;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;
import org.smbscope.server.browse.BrowserConfig;
import org.smbscope.server.browse.LocalMasterBrowser;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SmbConfParser;
import org.smbscope.server.netbios.NetbiosServices;

/**
 * Samba's nmblookup against the NetBIOS services of our file server (UDP 137/138 on 127.0.0.x/30): node
 * status shows the file server names as Samba's own nmbd shows them (H-node), unicast and broadcast queries
 * find us, and once elected we answer for WORKGROUP&lt;1D&gt; and __MSBROWSE__&lt;01&gt; ({@code nmblookup -M}).
 */
class NbsrvNmblookupTest {
    static InetAddress address;
    static String name;
    static NetbiosServices nb;
    static Path conf;

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        address = LoopbackAddresses.allocate();
        name = "NBSRV" + (address.getAddress()[3] & 0xFF);
        ServerConfig c = SmbConfParser.parse("""
                [global]
                netbios name = %s
                workgroup = NBSRVGRP
                netbios aliases = NBALIAS
                interfaces = %s/30
                preferred master = yes
                os level = 65
                server string = smbscope nbsrv
                """.formatted(name, address.getHostAddress()), Path.of("."));
        BrowserConfig fast = BrowserConfig.of("X", "X", "", 0, true, false, false, List.of())
                .withTimings(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofMillis(200));
        nb = NetbiosServices.start(c, NetbiosServices.Ports.STANDARD, Clock.systemUTC(), new SplittableRandom(5),
                Optional.of(fast));
        Path dir = Path.of("target", "interop", "nbsrv-nmblookup-" + address.getHostAddress()).toAbsolutePath();
        Files.createDirectories(dir);
        conf = dir.resolve("smb.conf");
        Files.writeString(conf, String.join("\n", "[global]",
                "  lock directory = " + dir, "  state directory = " + dir, "  cache directory = " + dir,
                "  private dir = " + dir, "  pid directory = " + dir, "  ncalrpc dir = " + dir,
                "  interfaces = " + address.getHostAddress() + "/30", "  bind interfaces only = yes",
                "  log level = 1", ""));
        for (int i = 0; i < 60 && nb.browser().role() != LocalMasterBrowser.Role.MASTER; i++) {
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        if (nb != null) {
            nb.close();
            LoopbackAddresses.release(address);
        }
    }

    static ProcessResult nmblookup(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Peers.require("nmblookup").toString(), "-s", conf.toString()));
        cmd.addAll(List.of(args));
        return ProcessRunner.run(Duration.ofSeconds(20), cmd);
    }

    @Test
    void nodeStatusShowsTheFileServerNamesAsBNodeLikeNmbdWithoutWins() {
        ProcessResult r = nmblookup("-A", address.getHostAddress());
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).contains("Looking up status of " + address.getHostAddress())
                .containsPattern("\\t" + name + " +<00> -         B <ACTIVE>")
                .containsPattern("\\t" + name + " +<03> -         B <ACTIVE>")
                .containsPattern("\\t" + name + " +<20> -         B <ACTIVE>")
                .containsPattern("\\tNBALIAS +<20> -         B <ACTIVE>")
                .containsPattern("\\tNBSRVGRP +<00> - <GROUP> B <ACTIVE>")
                .containsPattern("\\tNBSRVGRP +<1e> - <GROUP> B <ACTIVE>")
                .containsPattern("\\tNBSRVGRP +<1d> -         B <ACTIVE>")
                .containsPattern("\\t..__MSBROWSE__. <01> - <GROUP> B <ACTIVE>")
                .contains("MAC Address = 00-00-00-00-00-00");
    }

    @Test
    void unicastQueryWithRecursionAndStatus() {
        ProcessResult r = nmblookup("-U", address.getHostAddress(), "--recursion", "-S", name);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).contains(address.getHostAddress() + " " + name + "<00>")
                .containsPattern("\\t" + name + " +<20> -         B <ACTIVE>");
        ProcessResult alias = nmblookup("-U", address.getHostAddress(), "--recursion", "NBALIAS#20");
        assertThat(alias.stdout()).as(alias.output()).contains(address.getHostAddress() + " NBALIAS<20>");
    }

    @Test
    void broadcastQueryFindsUs() {
        ProcessResult r = nmblookup(name);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).contains(address.getHostAddress() + " " + name + "<00>");
    }

    @Test
    void masterBrowserLookupFindsUsOnceElected() {
        assertThat(nb.browser().role()).isEqualTo(LocalMasterBrowser.Role.MASTER);
        ProcessResult r = nmblookup("-M", "NBSRVGRP");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).contains(address.getHostAddress() + " NBSRVGRP<1d>");
        ProcessResult s = nmblookup("-M", "-S", "NBSRVGRP");
        assertThat(s.stdout()).as(s.output()).contains("Looking up status of " + address.getHostAddress())
                .containsPattern("\\t" + name + " +<20> -         B <ACTIVE>");
        ProcessResult any = nmblookup("-M", "--", "-");
        assertThat(any.stdout()).as(any.output()).contains(address.getHostAddress() + " \u0001\u0002__MSBROWSE__\u0002<01>");
    }

    @Test
    void aNameWeDoNotOwnIsNotFound() throws IOException {
        ProcessResult r = nmblookup("-U", address.getHostAddress(), "--recursion", "NOTOURS");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.stdout()).contains("name_query failed to find name NOTOURS");
    }
}
