package org.smbscope.interop.smb1server;

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
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;

/** Samba's smbclient -m NT1 against our server with {@code server min protocol = NT1}: -L, put/get/ls over 445 and 139. */
class SmbclientNt1Test {
    @TempDir
    static Path dir;
    static Nt1Server server;
    static Path local;

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        Peers.require("smbclient");
        server = Nt1Server.start(dir, "");
        local = Files.createDirectories(dir.resolve("local"));
        byte[] data = new byte[3 << 20];
        new Random(11).nextBytes(data);
        Files.write(local.resolve("big.bin"), data);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static String sha(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    static ProcessResult ok(ProcessResult r) {
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).as(r.output()).doesNotContain("NT_STATUS_");
        return r;
    }

    @Test
    void shareList() {
        ProcessResult r = ok(server.smbclient("-L", "//" + server.address.getHostAddress(), "-m", "NT1", "-U",
                Nt1Server.CREDS));
        assertThat(r.stdout()).as(r.output()).contains("share").contains("the share").contains("IPC$")
                .containsPattern("OLDHOST\\s+smbscope").containsPattern("OLDWG\\s+OLDHOST");
        String servers = r.stdout().substring(r.stdout().indexOf("Server "), r.stdout().indexOf("Workgroup "));
        assertThat(servers).doesNotContain("OLDWG");
    }

    @Test
    void shareAndBrowseListsOver139ByNetbiosName() {
        // the seed's old host: -L //NAME -I addr -p 139, the session request carries our name
        ProcessResult r = ok(server.smbclient("-L", "//OLDHOST", "-I", server.address.getHostAddress(), "-p", "139",
                "-m", "NT1", "-U", Nt1Server.CREDS));
        assertThat(r.stdout()).as(r.output()).contains("the share").contains("IPC$")
                .containsPattern("OLDHOST\\s+smbscope").containsPattern("OLDWG\\s+OLDHOST");
    }

    @Test
    void putGetLsOver445() throws Exception {
        transfer("445", "p445");
    }

    @Test
    void putGetLsOver139() throws Exception {
        transfer("139", "p139");
    }

    private void transfer(String port, String name) throws Exception {
        Path back = local.resolve(name + ".back");
        ProcessResult r = ok(server.smbclient(server.unc("share"), "-m", "NT1", "-p", port, "-U", Nt1Server.CREDS,
                "-c", "lcd " + local + "; put big.bin " + name + ".bin; get " + name + ".bin " + back.getFileName() + "; ls"));
        assertThat(sha(back)).isEqualTo(sha(local.resolve("big.bin")));
        assertThat(sha(server.share.resolve(name + ".bin"))).isEqualTo(sha(local.resolve("big.bin")));
        assertThat(r.stdout()).contains(name + ".bin");
    }
}
