package org.smbscope.interop.ourserverfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;

/** Samba's smbclient doing put, get, ls, mkdir, rm, rename, allinfo against our server's disk shares. */
class SmbclientFileOpsTest {
    @TempDir
    static Path dir;
    static DiskServer server;
    static Path local;

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        Peers.require("smbclient");
        server = DiskServer.start(dir);
        local = Files.createDirectories(dir.resolve("local"));
        byte[] data = new byte[5 << 20];
        new Random(7).nextBytes(data);
        Files.write(local.resolve("big.bin"), data);
        Files.writeString(server.readOnly.resolve("readme.txt"), "read me\n");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    private static ProcessResult ok(ProcessResult r) {
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).as(r.output()).doesNotContain("NT_STATUS_");
        return r;
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMB2_02", "SMB2_10", "SMB3_00", "SMB3_02", "SMB3_11"})
    void putGetLsMkdirRenameRm(String dialect) throws Exception {
        String d = "d_" + dialect;
        Path back = local.resolve("back_" + dialect + ".bin");
        String cmds = String.join("; ",
                "mkdir " + d,
                "cd " + d,
                "lcd " + local,
                "put big.bin",
                "rename big.bin moved.bin",
                "get moved.bin " + back.getFileName(),
                "ls",
                "allinfo moved.bin");
        ProcessResult r = ok(server.smbclient("share", cmds, "-m", dialect));
        assertThat(sha(back)).isEqualTo(sha(local.resolve("big.bin")));
        assertThat(sha(server.share.resolve(d).resolve("moved.bin"))).isEqualTo(sha(local.resolve("big.bin")));
        assertThat(r.stdout()).contains("moved.bin").contains("create_time:").contains("attributes:")
                .contains("stream:");
        ok(server.smbclient("share", "cd " + d + "; rm moved.bin; cd ..; rmdir " + d, "-m", dialect));
        assertThat(Files.exists(server.share.resolve(d))).isFalse();
    }

    @Test
    void signedAndEncrypted() throws Exception {
        ok(server.smbclient("share", "lcd " + local + "; put big.bin signed.bin; get signed.bin back_signed.bin",
                "--client-protection=sign"));
        assertThat(sha(local.resolve("back_signed.bin"))).isEqualTo(sha(local.resolve("big.bin")));
        ok(server.smbclient("share", "lcd " + local + "; put big.bin sealed.bin; get sealed.bin back_sealed.bin",
                "--client-protection=encrypt"));
        assertThat(sha(local.resolve("back_sealed.bin"))).isEqualTo(sha(local.resolve("big.bin")));
    }

    @Test
    void errorsClientsSee() {
        ProcessResult missing = server.smbclient("share", "get nosuchfile " + local.resolve("x"));
        assertThat(missing.output()).contains("NT_STATUS_OBJECT_NAME_NOT_FOUND");
        ProcessResult ro = server.smbclient("ro", "lcd " + local + "; put big.bin");
        assertThat(ro.output()).contains("NT_STATUS_ACCESS_DENIED");
        ProcessResult read = ok(server.smbclient("ro", "ls; get readme.txt " + local.resolve("readme.txt")));
        assertThat(read.stdout()).contains("readme.txt");
    }
}
