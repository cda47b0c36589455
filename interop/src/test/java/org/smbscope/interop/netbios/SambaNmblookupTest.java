package org.smbscope.interop.netbios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.smbscope.interop.fixture.LoopbackAddresses;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;
import org.smbscope.server.netbios.NameService;
import org.smbscope.server.netbios.NameServiceConfig;

/** Samba's own nmblookup against our name service on 127.0.0.x port 137. */
class SambaNmblookupTest {
    static InetAddress address;
    static NameService ns;
    static Path conf;

    @BeforeAll
    static void start() throws IOException {
        Peers.requireRoot();
        address = LoopbackAddresses.allocate();
        ns = NameService.start(NameServiceConfig.builder().address(address).port(137)
                .name("SMBSCOPE" + (address.getAddress()[3] & 0xFF)).workgroup("SCOPEGRP").build());
        Path dir = Path.of("target", "interop", "nmblookup-" + address.getHostAddress()).toAbsolutePath();
        Files.createDirectories(dir);
        conf = dir.resolve("smb.conf");
        // a private client configuration: nothing read from /etc/samba, caches under dir
        Files.writeString(conf, String.join("\n", "[global]",
                "  lock directory = " + dir, "  state directory = " + dir, "  cache directory = " + dir,
                "  private dir = " + dir, "  pid directory = " + dir, "  ncalrpc dir = " + dir,
                "  interfaces = " + address.getHostAddress() + "/30", "  log level = 1", ""));
    }

    @AfterAll
    static void stop() {
        if (ns != null) {
            ns.close();
            LoopbackAddresses.release(address);
        }
    }

    static ProcessResult nmblookup(String... args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(Peers.require("nmblookup").toString(), "-s", conf.toString()));
        cmd.addAll(List.of(args));
        return ProcessRunner.run(Duration.ofSeconds(30), cmd);
    }

    @Test
    void sambaNodeStatusListsOurNames() {
        String name = ns.config().name();
        ProcessResult r = nmblookup("-A", address.getHostAddress());
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).contains("Looking up status of " + address.getHostAddress())
                .containsPattern("\\t" + name + " +<20> -         B <ACTIVE>")
                .containsPattern("\\t" + name + " +<00> -         B <ACTIVE>")
                .containsPattern("\\tSCOPEGRP +<00> - <GROUP> B <ACTIVE>")
                .containsPattern("\\tSCOPEGRP +<1e> - <GROUP> B <ACTIVE>")
                .contains("MAC Address = 00-00-00-00-00-00");
    }

    @Test
    void sambaUnicastQueryWithRecursionResolvesOurName() {
        String name = ns.config().name();
        ProcessResult r = nmblookup("-U", address.getHostAddress(), "--recursion", name);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).contains(address.getHostAddress() + " " + name + "<00>");
    }

    @Test
    void sambaQueryForANameWeDoNotOwnFails() {
        ProcessResult r = nmblookup("-U", address.getHostAddress(), "--recursion", "NOTOURS");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.stdout()).contains("name_query failed to find name NOTOURS");
    }
}
