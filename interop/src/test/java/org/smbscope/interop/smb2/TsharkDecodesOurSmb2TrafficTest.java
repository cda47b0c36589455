package org.smbscope.interop.smb2;

import org.smbscope.interop.fixture.Smbscope;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;
import org.smbscope.interop.fixture.Samba;
import org.smbscope.interop.fixture.SambaExtension;

/**
 * Our client's traffic to Samba, captured on loopback by tshark and dissected by it: no malformed
 * packets and no expert errors, for the oldest and the newest dialect (signed, not encrypted, so
 * that tshark can read every message).
 */
class TsharkDecodesOurSmb2TrafficTest {
    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> b.global("server signing = mandatory")
            .global("server min protocol = SMB2_02"));

    @TempDir
    Path dir;

    @Test
    void noMalformedPacketsInOurTraffic() throws Exception {
        Samba s = SAMBA.samba();
        String addr = s.address().getHostAddress();
        Path pcap = dir.resolve("ours.pcapng");
        Process tshark = new ProcessBuilder(Peers.require("tshark").toString(), "-i", "lo", "-f",
                "host " + addr + " and tcp port 445", "-w", pcap.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("tshark.out").toFile()).start();
        try {
            awaitCapturing(dir.resolve("tshark.out"));
            Files.writeString(dir.resolve("f.txt"), "tshark sees this\n");
            for (String dialect : new String[] {"SMB2_02", "SMB3_11"}) {
                Smbscope.Result r = Smbscope.smbclient(s, "share", "lcd " + dir + "; put f.txt; ls; stat f.txt; get f.txt g.txt; rm f.txt",
                        "-m", dialect, "--option", "client min protocol=" + dialect);
                assertThat(r.exitCode()).as(r.output()).isZero();
            }
            Smbscope.Result list = Smbscope.run("smbclient", "-L", "//" + addr, "-U", "alice%Passw0rd!");
            assertThat(list.exitCode()).as(list.stdout() + list.stderr()).isZero();
            Thread.sleep(500); // let the last segments reach the capture
        } finally {
            tshark.destroy();
            tshark.waitFor(10, TimeUnit.SECONDS);
        }
        ProcessResult smb2 = read(pcap, "smb2");
        assertThat(smb2.stdout().lines().count()).as(smb2.output()).isGreaterThan(40);
        ProcessResult bad = read(pcap, "_ws.malformed || _ws.expert.severity == error");
        assertThat(bad.stdout()).as("malformed or expert-error frames").isEmpty();
        assertThat(read(pcap, "dcerpc && srvsvc").stdout()).isNotEmpty();
        // stat is one related compound: CREATE + QUERY_INFO + CLOSE in one frame, as Windows sends it
        assertThat(read(pcap, "smb2.cmd == 5 && smb2.cmd == 16 && smb2.cmd == 6 && smb2.flags.chained == 1"
                + " && smb2.flags.response == 0").stdout()).isNotEmpty();
    }

    private static ProcessResult read(Path pcap, String filter) {
        ProcessResult r = ProcessRunner.run(Duration.ofSeconds(60),
                List.of(Peers.require("tshark").toString(), "-n", "-r", pcap.toString(), "-Y", filter));
        assertThat(r.exitCode()).as(r.output()).isZero();
        return r;
    }

    private static void awaitCapturing(Path out) throws InterruptedException, IOException {
        for (int i = 0; i < 100; i++) {
            if (Files.exists(out) && Files.readString(out).contains("Capturing on")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("tshark did not start capturing: " + (Files.exists(out) ? Files.readString(out) : ""));
    }
}
