package org.smbscope.interop.smb1server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;
import org.smbscope.interop.fixture.TortureResult;

/**
 * smbtorture's {@code raw.streams} (alternate data streams over SMB1: NT_CREATE_ANDX of {@code file:stream},
 * TRANS2 stream information, renames) against our NT1 server. Against the lab Samba 4.17 (streams_xattr) 10
 * of 13 subtests pass (delete, names and rename3 fail); here 10 of 13 pass too (delete passes, rename2 fails): all but those in {@link #KNOWN}.
 */
class SmbtortureStreamsNt1Test {
    static final Map<String, String> KNOWN = Map.of(
            "names", "fails against Samba too",
            "rename3", "fails against Samba too",
            "rename2", "a stream renamed to <file>:<stream> answers SMB2's SHARING_VIOLATION; over SMB1 "
                    + "smbtorture wants INVALID_PARAMETER (NT_RENAME) and NOT_SUPPORTED (TRANS2)");
    @TempDir
    Path dir;

    @Test
    void rawStreamsPassesWhereExpected() throws Exception {
        Peers.requireRoot();
        try (Nt1Server server = Nt1Server.start(dir, "")) {
            ProcessResult r = ProcessRunner.run(Duration.ofSeconds(60), List.of(
                    Peers.require("smbtorture").toString(), server.unc("share"), "-U", Nt1Server.CREDS,
                    "raw.streams"));
            TortureResult t = TortureResult.parse(r.stdout());
            assertThat(t.failed()).as(r.output()).allMatch(KNOWN::containsKey);
            assertThat(t.passed()).as(r.output()).contains("dir", "io", "sharemodes", "names2", "createdisp", "attr",
                    "sumtab", "delete", "rename", "perms");
        }
    }
}
