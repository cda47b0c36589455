package org.smbscope.interop.torture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;

/**
 * A share with {@code smb encrypt = desired}: Samba's smbclient gets in with every dialect, encrypted where
 * it can (SMB 3: the share answers ENCRYPT_DATA, checked with our client in server ServerWithOurClientTest)
 * and in the clear where it cannot (SMB 2), as against Samba.
 */
class EncryptDesiredTest {
    @TempDir
    static Path dir;
    static TortureServer server;

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        Peers.require("smbclient");
        server = TortureServer.start(dir, "smb encrypt = desired");
        Files.writeString(server.share.resolve("hello.txt"), "hello");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMB2_02", "SMB2_10", "SMB3_00", "SMB3_02", "SMB3_11"})
    void smbclientListsTheShare(String dialect) throws Exception {
        Path conf = dir.resolve("client-" + dialect + ".conf");
        Files.writeString(conf, "[global]\n client min protocol = SMB2_02\n");
        ProcessResult r = ProcessRunner.run(Duration.ofSeconds(30), List.of(Peers.require("smbclient").toString(),
                "-s", conf.toString(), server.unc(), "-U", TortureServer.CREDS, "-m", dialect, "-c", "ls"));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).as(r.output()).contains("hello.txt");
    }
}
