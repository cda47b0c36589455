package org.smbscope.interop.ourserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;

/**
 * Samba's smbclient puts and gets files through our server (0 B, 1 MiB + 1, 64 MiB) for each dialect, plain,
 * signed and sealed; the copies are hash-identical; mkdir, rename and rm work.
 */
class SambaFileTransferTest {
    @TempDir
    static Path dir;
    static OurServer server;
    static Path local;

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        Peers.require("smbclient");
        server = OurServer.start(dir, "", "");
        local = Files.createDirectories(dir.resolve("local"));
        Random r = new Random(42);
        byte[] mib = new byte[1024 * 1024 + 1];
        r.nextBytes(mib);
        Files.write(local.resolve("f1m1"), mib);
        Files.write(local.resolve("f0"), new byte[0]);
        byte[] big = new byte[64 * 1024 * 1024];
        r.nextBytes(big);
        Files.write(local.resolve("f64m"), big);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    @ParameterizedTest
    @CsvSource({"SMB2_02,off", "SMB2_10,off", "SMB3_00,off", "SMB3_02,off", "SMB3_11,off", "SMB2_10,sign",
            "SMB3_11,sign", "SMB3_00,encrypt", "SMB3_02,encrypt", "SMB3_11,encrypt"})
    void putGetMkdirRenameRm(String dialect, String protection) throws Exception {
        String tag = dialect + "-" + protection;
        String d = "d-" + tag;
        String cmds = String.join("; ", "lcd " + local, "mkdir " + d, "cd " + d, "put f0", "put f1m1", "put f64m",
                "get f0 " + tag + "-g0", "get f1m1 " + tag + "-g1m1", "get f64m " + tag + "-g64m",
                "rename f1m1 moved", "ls", "rm moved", "rm f0", "rm f64m", "cd ..", "rmdir " + d);
        ProcessResult r = server.smbclient(server.unc("share"), "-U", OurServer.CREDS, "-m", dialect,
                "--client-protection=" + protection, "-c", cmds);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).doesNotContain("NT_STATUS_").contains("moved");
        assertThat(Files.size(local.resolve(tag + "-g0"))).isZero();
        assertThat(sha256(local.resolve(tag + "-g1m1"))).isEqualTo(sha256(local.resolve("f1m1")));
        assertThat(sha256(local.resolve(tag + "-g64m"))).isEqualTo(sha256(local.resolve("f64m")));
        assertThat(server.share.resolve(d)).doesNotExist();
        for (String g : new String[] {"-g0", "-g1m1", "-g64m"}) {
            Files.delete(local.resolve(tag + g));
        }
    }
}
