package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2DecodeException;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.smb2.Smb2Request;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;

/**
 * Requests decoded from arbitrary bytes against a share with three opens (1: the root, 2: a file, 3: a
 * directory): the handler answers every one with a status, never an exception or STATUS_INTERNAL_ERROR.
 */
class DiskTreeHandlerFuzzTest {
    @FuzzTest
    void decode(byte[] input) throws Exception {
        List<Smb2Packet> packets;
        try {
            packets = Smb2Codec.decodeAll(input);
        } catch (Smb2DecodeException expected) {
            return;
        }
        try (FsFixture f = FsFixture.jimfs()) {
            f.dir("");
            f.file("a.txt");
            f.dir("sub");
            f.write(new org.smbscope.codec.smb2.FileId(2, 2), 0, "0123456789");
            for (Smb2Packet p : packets) {
                if (!(p.message() instanceof Smb2Request r)) {
                    continue;
                }
                Outcome o = f.handle(r);
                if (o instanceof Outcome.Pending pending) {
                    pending.cancel().run();
                    assertThat(pending.completion()).isDone();
                } else {
                    assertThat(((Outcome.Done) o).status()).isNotEqualTo(NtStatus.INTERNAL_ERROR);
                }
            }
        }
    }
}
