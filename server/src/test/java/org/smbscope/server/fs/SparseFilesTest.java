package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.fscc.FileInformation;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.smb2.CtlCode;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.IoctlRequest;
import org.smbscope.codec.smb2.IoctlResponse;
import org.smbscope.codec.smb2.QueryInfoResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;

class SparseFilesTest {
    private static final CtlCode SET_SPARSE = new CtlCode(0x900C4);
    private static final CtlCode QAR = new CtlCode(0x940CF);
    private static final CtlCode ZERO = new CtlCode(0x980C8);

    @Test
    void rangesInUnitsOf64k() {
        SparseFiles s = new SparseFiles();
        Object k = "f";
        assertThat(s.allocated(k, 0, 100, 50)).extracting(a -> a[1]).containsExactly(50L);
        s.set(k, true, 0);
        assertThat(s.allocated(k, 0, 1024, 0)).isEmpty();
        s.written(k, 4096, 1024);
        assertThat(s.allocated(k, 0, 4096, 5120)).extracting(a -> a[0] + "/" + a[1]).containsExactly("0/4096");
        assertThat(s.allocated(k, 0, 8192, 5120)).extracting(a -> a[0] + "/" + a[1]).containsExactly("0/5120");
        s.written(k, 3 * SparseFiles.UNIT, 10);
        assertThat(s.allocated(k, 0, Long.MAX_VALUE, 4 * SparseFiles.UNIT)).hasSize(2);
        s.zeroed(k, 0, 4 * SparseFiles.UNIT, 4 * SparseFiles.UNIT);
        assertThat(s.allocated(k, 0, Long.MAX_VALUE, 4 * SparseFiles.UNIT)).isEmpty();
        s.set(k, false, 0);
        assertThat(s.isSparse(k)).isFalse();
    }

    private static byte[] range(long off, long len) {
        return ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(off).putLong(len).array();
    }

    @Test
    void theFsctlsThroughTheHandler() throws Exception {
        try (FsFixture f = FsFixture.jimfs()) {
            FileId id = f.file("s.bin");
            f.write(id, 0, "x".repeat(4096));
            assertThat(f.status(IoctlRequest.fsctl(SET_SPARSE, id, new byte[0], 0))).isEqualTo(NtStatus.SUCCESS);
            byte[] basic = ((QueryInfoResponse) f.queryFile(id, FileInformationClass.BASIC, 100).response()).output();
            assertThat(((FileInformation.Basic) FileInformation.decode(FileInformationClass.BASIC, basic)).attributes())
                    .contains(FileAttribute.SPARSE_FILE);
            assertThat(f.status(IoctlRequest.fsctl(ZERO, id, range(0, 4096), 0))).isEqualTo(NtStatus.SUCCESS);
            Outcome.Done q = f.done(IoctlRequest.fsctl(QAR, id, range(0, 4096), 1024));
            assertThat(((IoctlResponse) q.response()).output()).isEmpty();
            f.write(id, 100, "y");
            q = f.done(IoctlRequest.fsctl(QAR, id, range(0, 4096), 1024));
            assertThat(((IoctlResponse) q.response()).output()).hasSize(16);
            assertThat(f.status(IoctlRequest.fsctl(QAR, id, range(0, 4096), 0))).isEqualTo(NtStatus.BUFFER_TOO_SMALL);
            assertThat(f.status(IoctlRequest.fsctl(QAR, id, new byte[0], 1024))).isEqualTo(NtStatus.INVALID_PARAMETER);
            assertThat(f.status(IoctlRequest.fsctl(SET_SPARSE, id, new byte[] {0}, 0))).isEqualTo(NtStatus.SUCCESS);
            assertThat(f.status(IoctlRequest.fsctl(SET_SPARSE, f.dir("d"), new byte[0], 0)))
                    .isEqualTo(NtStatus.INVALID_PARAMETER);
        }
    }
}
