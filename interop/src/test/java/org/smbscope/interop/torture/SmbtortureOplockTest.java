package org.smbscope.interop.torture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.TortureResult;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;

/**
 * smbtorture's {@code smb2.oplock} subtests against our server (SMB2 oplocks: grants, breaks with
 * unsolicited notifications, acknowledgments, close and timeout), in one smbtorture process. Every subtest
 * in {@link #PASSING} must pass; {@link #KNOWN} lists the rest of the suite with the reason each is not run
 * or fails. Before oplocks were granted, all 42 subtests failed; now 41 of 42 pass (Samba 4.17: 39; batch22a
 * passes but is slow), stream1 and batch26 since oplocks on named streams are their own.
 */
class SmbtortureOplockTest {
    static final List<String> PASSING = List.of("exclusive1", "exclusive2", "exclusive3", "exclusive4", "exclusive5",
            "exclusive6", "exclusive9", "batch1", "batch2", "batch3", "batch4", "batch5", "batch6", "batch7", "batch8",
            "batch9", "batch9a", "batch10", "batch11", "batch12", "batch13", "batch14", "batch15", "batch16",
            "batch19", "batch20", "batch21", "batch23", "batch24", "batch25", "doc", "brl1", "brl2", "brl3",
            "levelii500", "levelii501", "levelii502", "statopen1", "batch26", "stream1");

    /** Subtests not in {@link #PASSING}, and why. */
    static final Map<String, String> KNOWN = Map.of(
            "batch22a", "passes (the 35 s break timeout, waited 36 s) but is too slow for this suite",
            "batch22b", "needs smbtorture's blocked transports (socket_wrapper); fails against Samba too");

    /**
     * {@code smb2.session} subtests that open with a batch oplock and check the grant: they failed before
     * oplocks (2 of 56 passed), now pass (13 of 56). The rest of that suite still fails for session binding
     * (multichannel, ACCESS_DENIED at session.c:2595) and re-authentication, nothing oplock-related.
     */
    static final List<String> SESSION = List.of("reconnect1", "reconnect2", "reauth1", "reauth6",
            "signing-hmac-sha-256", "signing-aes-128-cmac", "signing-aes-128-gmac", "encryption-aes-128-ccm",
            "encryption-aes-128-gcm", "encryption-aes-256-ccm", "encryption-aes-256-gcm");

    @TempDir
    static Path dir;
    static TortureServer server;

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        Peers.require("smbtorture");
        server = TortureServer.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void oplockSubtestsPass() {
        run("smb2.oplock", PASSING);
    }

    @Test
    void sessionSubtestsThatTakeABatchOplockPass() {
        run("smb2.session", SESSION);
    }

    private static void run(String suite, List<String> subtests) {
        List<String> command = new ArrayList<>(List.of(Peers.require("smbtorture").toString(), server.unc(), "-U",
                TortureServer.CREDS));
        subtests.forEach(name -> command.add(suite + "." + name));
        ProcessResult r = ProcessRunner.run(Duration.ofSeconds(240), command);
        TortureResult t = TortureResult.parse(r.stdout());
        System.out.printf("%s: exit %d, %d passed, %d failed%n", suite, r.exitCode(), t.passed().size(),
                t.failed().size());
        assertThat(t.failed()).as(r.output()).isEmpty();
        assertThat(t.passed()).as(r.output()).containsAll(subtests);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }
}
