package org.smbscope.interop.smb1server;

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

/** impacket's SMBConnection forced to SMB1 (preferredDialect NT LM 0.12) against our NT1 server: shares, put, get, ls. */
class ImpacketNt1Test {
    @TempDir
    static Path dir;
    static Nt1Server server;

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        server = Nt1Server.start(dir, "server signing = mandatory\n");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sharesPutGetList() throws Exception {
        Path local = dir.resolve("imp.bin");
        byte[] data = new byte[300_000];
        new Random(3).nextBytes(data);
        Files.write(local, data);
        Path back = dir.resolve("imp.back");
        String script = """
                import sys
                from impacket.smbconnection import SMBConnection
                from impacket.smb import SMB_DIALECT
                c = SMBConnection('OLDHOST', sys.argv[1], preferredDialect=SMB_DIALECT)
                c.login('alice', 'Passw0rd!')
                print('dialect', hex(c.getDialect()) if isinstance(c.getDialect(), int) else c.getDialect())
                print('signing', c.isSigningRequired())
                for s in c.listShares():
                    print('share', s['shi1_netname'][:-1])
                with open(sys.argv[2], 'rb') as f:
                    c.putFile('share', 'imp.bin', f.read)
                with open(sys.argv[3], 'wb') as f:
                    c.getFile('share', 'imp.bin', f.write)
                for e in c.listPath('share', '*'):
                    print('entry', e.get_longname(), e.get_filesize())
                c.logoff()
                """;
        ProcessResult r = ProcessRunner.run(Duration.ofSeconds(60), List.of("/usr/bin/python3", "-c", script,
                server.address.getHostAddress(), local.toString(), back.toString()));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).as(r.output()).contains("dialect NT LM 0.12").contains("share share")
                .contains("share IPC$").contains("entry imp.bin 300000");
        assertThat(Files.readAllBytes(back)).isEqualTo(data);
        assertThat(Files.readAllBytes(server.share.resolve("imp.bin"))).isEqualTo(data);
    }
}
