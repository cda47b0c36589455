package org.smbscope.interop.smb1server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;

/**
 * Samba's smbtorture SMB1 suites against our NT1 server: the suites listed pass completely; {@code survey} (run
 * with {@code -Dsmb1.survey=true}) runs the 41 SMB1 suites that pass against Samba and writes the counts to
 * target/smb1-torture-survey.txt.
 */
class SmbtortureNt1Test {
    static final List<String> SAMBA_PASSING = List.of("base.lock", "base.unlink", "base.attr", "base.trans2",
            "base.dir1", "base.dir2", "base.tcon", "base.tcondev", "base.vuid", "base.rw1", "base.open", "base.rename",
            "base.chkpath", "base.negnowait", "base.properties", "base.mangle", "base.openattr", "base.winattr",
            "base.xcopy", "base.deny3", "base.denydos", "base.ntdeny1", "base.ntdeny2", "base.disconnect",
            "base.aliases", "base.createx_sharemodes_file", "raw.open", "raw.mkdir", "raw.read", "raw.write",
            "raw.unlink", "raw.rename", "raw.seek", "raw.eas", "raw.acls", "raw.composite", "raw.mux",
            "raw.samba3caseinsensitive", "raw.samba3rootdirfid", "raw.samba3checkfsp", "rap.basic");
    private static final Pattern RESULT = Pattern.compile("^(success|failure|error|skip): (.+?)( \\[)?$",
            Pattern.MULTILINE);

    @TempDir
    static Path dir;
    static Nt1Server server;

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        Peers.require("smbtorture");
        server = Nt1Server.start(dir, "");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    record Counts(int rc, int ok, int fail, int error, int skip, List<String> failed, String output) {
    }

    static Counts run(String suite, Duration limit) {
        ProcessResult r = ProcessRunner.run(limit, List.of(Peers.require("smbtorture").toString(), server.unc("share"),
                "-U", Nt1Server.CREDS, suite));
        int ok = 0;
        int fail = 0;
        int error = 0;
        int skip = 0;
        List<String> failed = new ArrayList<>();
        Matcher m = RESULT.matcher(r.stdout());
        while (m.find()) {
            switch (m.group(1)) {
                case "success" -> ok++;
                case "failure" -> {
                    fail++;
                    failed.add(m.group(2).trim());
                }
                case "error" -> {
                    error++;
                    failed.add(m.group(2).trim());
                }
                default -> skip++;
            }
        }
        return new Counts(r.exitCode(), ok, fail, error, skip, failed, r.output());
    }

    @Test
    @EnabledIfSystemProperty(named = "smb1.survey", matches = "true")
    void survey() throws Exception {
        StringBuilder sb = new StringBuilder(String.format("%-30s %4s %4s %4s %5s %4s  failing%n", "suite", "rc", "ok",
                "fail", "error", "skip"));
        String only = System.getProperty("smb1.suites", "");
        for (String suite : only.isEmpty() ? SAMBA_PASSING : List.of(only.split(","))) {
            Counts c = run(suite, Duration.ofSeconds(25));
            Files.writeString(Path.of("target/torture-" + suite + ".log"), c.output());
            sb.append(String.format("%-30s %4d %4d %4d %5d %4d  %s%n", suite, c.rc(), c.ok(), c.fail(), c.error(), c.skip(),
                    String.join(",", c.failed())));
            Files.writeString(Path.of("target/smb1-torture-survey.txt"), sb.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"base.rename", "base.negnowait", "base.properties", "base.mangle", "base.xcopy", "base.deny3",
        "base.ntdeny1", "base.ntdeny2", "base.aliases", "base.attr", "base.dir1", "base.tcon", "base.vuid", "base.rw1",
        "base.chkpath", "base.openattr", "base.unlink", "base.trans2", "base.tcondev", "raw.samba3caseinsensitive",
        "raw.samba3checkfsp", "raw.samba3rootdirfid", "base.open", "raw.composite", "rap.basic", "raw.seek", "raw.write", "base.lock", "raw.read", "base.createx_sharemodes_file", "base.denydos", "base.dir2", "base.winattr", "raw.unlink",
        "raw.open", "raw.mkdir", "raw.eas", "raw.acls", "raw.mux", "base.disconnect", "raw.rename"})
    void suitePasses(String suite) {
        Counts c = run(suite, Duration.ofSeconds(60));
        assertThat(c.failed()).as(suite).isEmpty();
        assertThat(c.ok()).as(suite).isPositive();
        assertThat(c.rc()).as(suite).isZero();
    }
}
