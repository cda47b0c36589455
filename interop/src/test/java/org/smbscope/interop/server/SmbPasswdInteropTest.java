package org.smbscope.interop.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;
import org.smbscope.server.auth.PasswdAction;
import org.smbscope.server.auth.PasswordHashes;
import org.smbscope.server.auth.SmbPasswdFile;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SmbConfParser;

/** Samba's own smbpasswd and pdbedit agree with our smbpasswd file handling (user root: Samba requires a Unix account). */
class SmbPasswdInteropTest {
    @TempDir
    Path dir;

    private Path conf() throws Exception {
        Path conf = dir.resolve("smb.conf");
        StringBuilder sb = new StringBuilder("[global]\n passdb backend = smbpasswd:" + dir.resolve("smbpasswd") + "\n");
        for (String d : List.of("private dir", "lock directory", "state directory", "cache directory", "pid directory")) {
            Path p = Files.createDirectories(dir.resolve(d.replace(' ', '-')));
            sb.append(' ').append(d).append(" = ").append(p).append('\n');
        }
        Files.writeString(conf, sb.toString());
        return conf;
    }

    @Test
    void fileWrittenBySambaSmbpasswdIsReadAndHashMatches() throws Exception {
        Path smbpasswd = Peers.require("smbpasswd");
        Path conf = conf();
        ProcessResult r = ProcessRunner.run(Duration.ofSeconds(30),
                List.of(smbpasswd.toString(), "-c", conf.toString(), "-a", "-s", "root"), Map.of(), "Pa55:word!\nPa55:word!\n");
        assertThat(r.exitCode()).as(r.output()).isZero();
        ServerConfig c = SmbConfParser.parse(conf);
        SmbPasswdFile f = SmbPasswdFile.read(c.passdbPath());
        assertThat(f.warnings()).isEmpty();
        assertThat(f.find("root").orElseThrow().ntHash()).isEqualTo(PasswordHashes.nt("Pa55:word!"));
    }

    @Test
    void fileWeWriteIsReadBySambaPdbedit() throws Exception {
        Path pdbedit = Peers.require("pdbedit");
        Path conf = conf();
        SmbPasswdFile f = PasswdAction.ADD.apply(SmbPasswdFile.empty(), "root", "Pa55word", 1_700_000_000L,
                org.smbscope.server.auth.UnixAccounts.uid(Path.of("/etc/passwd"), "root"));
        f = f.with(f.find("root").orElseThrow().withFlags(java.util.EnumSet.of(
                org.smbscope.server.auth.AccountFlag.USER)));
        f.write(dir.resolve("smbpasswd"));
        ProcessResult r = ProcessRunner.run(Duration.ofSeconds(30),
                List.of(pdbedit.toString(), "-s", conf.toString(), "-L", "-w"));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).containsIgnoringCase(
                java.util.HexFormat.of().formatHex(PasswordHashes.nt("Pa55word")));
    }
}
