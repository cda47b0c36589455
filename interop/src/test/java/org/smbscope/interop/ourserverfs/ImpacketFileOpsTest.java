package org.smbscope.interop.ourserverfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;

/** impacket's smbclient.py (Debian's python3-impacket) gets, puts, lists and removes files on our disk share. */
class ImpacketFileOpsTest {
    static final Path SMBCLIENT_PY = Path.of("/usr/share/doc/python3-impacket/examples/smbclient.py");

    @TempDir
    static Path dir;
    static DiskServer server;

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        if (!Files.exists(SMBCLIENT_PY)) {
            org.junit.jupiter.api.Assertions.fail("impacket's smbclient.py missing (Debian package python3-impacket)");
        }
        server = DiskServer.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void getPutLsRm() throws Exception {
        byte[] data = new byte[300_000];
        new Random(3).nextBytes(data);
        Files.write(server.share.resolve("remote.bin"), data);
        Path work = Files.createDirectories(dir.resolve("impacket"));
        Files.writeString(work.resolve("local.txt"), "from impacket\n");
        Path script = Files.writeString(work.resolve("cmds.txt"),
                "lcd " + work + "\nuse share\nget remote.bin\nput local.txt\nls\nmkdir made\nrmdir made\n"
                        + "rm remote.bin\nexit\n");
        ProcessResult r = ProcessRunner.run(Duration.ofSeconds(60), List.of("/usr/bin/python3",
                SMBCLIENT_PY.toString(), "-file", script.toString(),
                "alice:Passw0rd!@" + server.address.getHostAddress()));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).as(r.output()).doesNotContain("SessionError").contains("remote.bin");
        assertThat(Files.readAllBytes(work.resolve("remote.bin"))).isEqualTo(data);
        assertThat(Files.readString(server.share.resolve("local.txt"))).isEqualTo("from impacket\n");
        assertThat(Files.exists(server.share.resolve("remote.bin"))).isFalse();
        assertThat(Files.exists(server.share.resolve("made"))).isFalse();
    }
}
