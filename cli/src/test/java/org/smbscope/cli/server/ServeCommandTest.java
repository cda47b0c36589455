package org.smbscope.cli.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.cli.Main;
import picocli.CommandLine;

class ServeCommandTest {
    @TempDir
    Path dir;

    @Test
    void checkPrintsAddressesSharesUsersAndWarnings() throws Exception {
        Path share = Files.createDirectories(dir.resolve("data"));
        Path conf = dir.resolve("smb.conf");
        Files.writeString(conf, """
                [global]
                interfaces = 127.0.0.9/30
                smb ports = 445
                passdb backend = smbpasswd:%s
                bogus option = 1
                [data]
                path = %s
                read only = no
                [gone]
                path = %s
                """.formatted(dir.resolve("smbpasswd"), share, dir.resolve("missing")));
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("serve", "-s", conf.toString(), "--check")).isZero();
        assertThat(out.toString()).contains("127.0.0.9:445 (direct TCP)").contains("data ").contains("writable")
                .contains("0 users, file does not exist yet").contains("bogusoption").contains("gone: path");
    }

    @Test
    void servesUntilStoppedAndPrintsTheAddress() throws Exception {
        Path share = Files.createDirectories(dir.resolve("data"));
        Path conf = dir.resolve("smb.conf");
        Files.writeString(conf, """
                [global]
                interfaces = 127.0.0.1
                smb ports = 44445
                disable netbios = yes
                [data]
                path = %s
                """.formatted(share));
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        assertThat(cl.execute("serve", "-s", conf.toString(), "--stop-after", "1")).isZero();
        assertThat(out.toString()).contains("Serving SMB on 127.0.0.1:44445").contains("Stopped.");
    }
}
