package org.smbscope.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.cli.Main;
import org.smbscope.server.auth.PasswordHashes;
import org.smbscope.server.auth.SmbPasswdFile;
import picocli.CommandLine;

class PasswdCommandTest {
    @TempDir
    Path dir;

    private int run(String stdin, String... args) {
        InputStream old = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(new StringWriter()));
            cl.setErr(new PrintWriter(new StringWriter()));
            return cl.execute(args);
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void addsDisablesAndDeletesWithSmbpasswdOptions() throws Exception {
        Path file = dir.resolve("smbpasswd");
        Path conf = dir.resolve("smb.conf");
        Files.writeString(conf, "[global]\npassdb backend = smbpasswd:" + file + "\n");
        assertThat(run("pw1\npw1\n", "passwd", "-c", conf.toString(), "-a", "-s", "carol")).isZero();
        assertThat(SmbPasswdFile.read(file).find("carol").orElseThrow().ntHash()).isEqualTo(PasswordHashes.nt("pw1"));
        assertThat(run("a\nb\n", "passwd", "-c", conf.toString(), "-s", "carol")).isEqualTo(1);
        assertThat(run("", "passwd", "-c", conf.toString(), "-d", "carol")).isZero();
        assertThat(SmbPasswdFile.read(file).find("carol").orElseThrow().disabled()).isTrue();
        assertThat(run("", "passwd", "-c", conf.toString(), "-x", "carol")).isZero();
        assertThat(SmbPasswdFile.read(file).find("carol")).isEmpty();
        assertThat(run("", "passwd", "-c", conf.toString(), "-e", "nobody-here")).isEqualTo(1);
    }
}
