package org.smbscope.interop.ourserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;

/**
 * impacket's smbclient.py (Debian's python3-impacket, which negotiates through an SMB1 NEGOTIATE offering
 * "SMB 2.???") against our server.
 */
class ImpacketAgainstOurServerTest {
    static final Path SMBCLIENT_PY = Path.of("/usr/share/doc/python3-impacket/examples/smbclient.py");

    @TempDir
    static Path dir;
    static OurServer server;

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        if (!Files.exists(SMBCLIENT_PY)) {
            org.junit.jupiter.api.Assertions.fail("impacket's smbclient.py missing (Debian package python3-impacket)");
        }
        server = OurServer.start(dir, "", "");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static ProcessResult impacket(String commands) throws Exception {
        Path script = Files.writeString(Files.createTempFile(dir, "imp", ".txt"), commands);
        return ProcessRunner.run(Duration.ofSeconds(60), List.of("/usr/bin/python3", SMBCLIENT_PY.toString(), "-file",
                script.toString(), "alice:Passw0rd!@" + server.address.getHostAddress()));
    }

    @Test
    void listsShares() throws Exception {
        ProcessResult r = impacket("shares\nexit\n");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).as(r.output()).contains("share").contains("IPC$").doesNotContain("secret")
                .doesNotContain("SessionError");
    }

    @Test
    void putsListsAndGetsAFile() throws Exception {
        Path local = Files.createDirectories(dir.resolve("imp-local"));
        byte[] data = new byte[300_000];
        new java.util.Random(7).nextBytes(data);
        Files.write(local.resolve("up.bin"), data);
        Path back = Files.createDirectories(dir.resolve("imp-back"));
        ProcessResult r = impacket("use share\nlcd " + local + "\nput up.bin\nls\nlcd " + back + "\nget up.bin\nrm up.bin\nexit\n");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).as(r.output()).contains("up.bin").doesNotContain("SessionError");
        assertThat(Files.readAllBytes(back.resolve("up.bin"))).isEqualTo(data);
        assertThat(server.share.resolve("up.bin")).doesNotExist();
    }
}
