package org.smbscope.interop.netbios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smbscope.cli.Main;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;
import org.smbscope.interop.fixture.Samba;
import org.smbscope.interop.fixture.SambaExtension;
import picocli.CommandLine;

/** Our nmblookup and nbtstat against a real Samba nmbd on a private loopback address. */
class NmbdInteropTest {
    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> b.nmbd(true));

    record Run(int code, String out) {
    }

    static Run ours(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out + err.toString());
    }

    /** nmbd answers a moment after it binds; wait until it does (bounded). */
    @BeforeAll
    static void awaitNmbd() throws InterruptedException {
        Samba s = SAMBA.samba();
        for (int i = 0; i < 40; i++) {
            if (ours("nmblookup", "-A", s.address().getHostAddress(), "--timeout", "300ms", "--retries", "0").code() == 0) {
                return;
            }
            Thread.sleep(250);
        }
    }

    /** "NAME <tt> group" triples from nmblookup -A output, ours or Samba's. */
    static List<String> names(String output) {
        Matcher m = Pattern.compile("^\\t(\\S+)\\s+<(\\p{XDigit}{2})> - (<GROUP>|       ) ", Pattern.MULTILINE).matcher(output);
        return m.results().map(r -> r.group(1) + "<" + r.group(2) + ">" + (r.group(3).startsWith("<") ? " group" : ""))
                .collect(Collectors.toList());
    }

    @Test
    void nodeStatusShowsTheSameNamesAsSambasNmblookup() {
        Samba s = SAMBA.samba();
        String addr = s.address().getHostAddress();
        Run r = ours("nmblookup", "-A", addr);
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains(s.netbiosName()).contains("File Server Service").contains("MAC Address = ");
        ProcessResult samba = ProcessRunner.run(Duration.ofSeconds(20), List.of(Peers.require("nmblookup").toString(),
                "-s", s.configFile().toString(), "-A", addr));
        assertThat(samba.exitCode()).as(samba.output()).isZero();
        assertThat(names(r.out())).isNotEmpty().containsExactlyInAnyOrderElementsOf(names(samba.stdout()))
                .contains(s.netbiosName() + "<20>", s.workgroup() + "<00> group");
    }

    @Test
    void unicastQueryWithRecursionFindsTheServer() {
        Samba s = SAMBA.samba();
        String addr = s.address().getHostAddress();
        Run r = ours("nmblookup", "-U", addr, "--recursion", s.netbiosName());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("querying " + s.netbiosName() + " on " + addr)
                .contains(addr + " " + s.netbiosName() + "<00>");
    }

    @Test
    void unknownNameIsANegativeAnswerFromNmbd() {
        Samba s = SAMBA.samba();
        Run r = ours("nmblookup", "-U", s.address().getHostAddress(), "NOSUCHNAME");
        assertThat(r.code()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("name_query failed to find name NOSUCHNAME");
    }

    @Test
    void nbtstatShowsTheRemoteTable() {
        Samba s = SAMBA.samba();
        Run r = ours("nbtstat", "-A", s.address().getHostAddress());
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains("NetBIOS Remote Machine Name Table")
                .containsPattern(s.netbiosName() + " +<20>  UNIQUE +Registered");
    }
}
