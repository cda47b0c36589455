package org.smbscope.server.smb2;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.smb2.Capabilities;
import org.smbscope.codec.smb2.NegotiateRequest;
import org.smbscope.codec.smb2.SecurityMode;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;

/**
 * Arbitrary frames into a fresh connection's dispatcher: it must answer or drop the connection, never fail
 * inside. The first input byte chooses whether an SMB 2.1 NEGOTIATE comes first; the rest is split into
 * frames at 0xFE 0xFE markers.
 */
class DispatcherFuzzTest {
    @FuzzTest
    void frames(byte[] input) throws Exception {
        if (input.length == 0) {
            return;
        }
        Path dir = Files.createTempDirectory("fuzz");
        try {
            DispatcherHarness h = new DispatcherHarness(DispatcherHarness.config(dir, ""),
                    share -> new org.smbscope.server.tree.TreeHandler() {
                        @Override
                        public Outcome handle(org.smbscope.server.tree.RequestContext c,
                                org.smbscope.codec.smb2.Smb2Request r) {
                            return Outcome.Done.error(NtStatus.NOT_SUPPORTED, r.command());
                        }

                        @Override
                        public void close() {
                        }
                    });
            if ((input[0] & 1) != 0) {
                h.frame(Smb2Codec.encode(Smb2Header.request(Smb2Command.NEGOTIATE, 0).withCredits(64),
                        new NegotiateRequest(SecurityMode.SIGNING_ENABLED, Capabilities.NONE, Guid.ZERO,
                                List.of(Smb2Dialect.SMB_2_1), List.of())));
            }
            int start = 1;
            for (int i = 1; i <= input.length; i++) {
                if (i == input.length || (i + 1 < input.length && input[i] == (byte) 0xFE && input[i + 1] == (byte) 0xFE)) {
                    h.frame(Arrays.copyOfRange(input, start, i));
                    if (h.dropped != null) {
                        if (h.dropped.startsWith("internal error")) {
                            throw new AssertionError(h.dropped);
                        }
                        return;
                    }
                    start = i + 2;
                    i++;
                }
            }
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
