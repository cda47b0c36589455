package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.smbscope.codec.smb2.CtlCode;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.IoctlRequest;
import org.smbscope.codec.smb2.IoctlResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;

class IoctlCommandTest {
    @Test
    void theFsctlsADiskShareAnswers() throws Exception {
        try (FsFixture f = FsFixture.jimfs()) {
            FileId id = f.file("x");
            assertThat(f.status(IoctlRequest.fsctl(CtlCode.FSCTL_GET_REPARSE_POINT, id, new byte[0], 1024)))
                    .isEqualTo(NtStatus.NOT_A_REPARSE_POINT);
            Outcome.Done snaps = f.done(IoctlRequest.fsctl(CtlCode.FSCTL_SRV_ENUMERATE_SNAPSHOTS, id, new byte[0], 64));
            assertThat(snaps.status()).isEqualTo(NtStatus.SUCCESS);
            byte[] out = ((IoctlResponse) snaps.response()).output();
            assertThat(out).startsWith(0, 0, 0, 0, 0, 0, 0, 0);
            assertThat(f.status(IoctlRequest.fsctl(CtlCode.FSCTL_SRV_ENUMERATE_SNAPSHOTS, id, new byte[0], 8)))
                    .isEqualTo(NtStatus.INVALID_PARAMETER);
            assertThat(f.status(IoctlRequest.fsctl(CtlCode.FSCTL_QUERY_NETWORK_INTERFACE_INFO, FileId.RELATED,
                    new byte[0], 64))).isEqualTo(NtStatus.NOT_SUPPORTED);
            assertThat(f.status(IoctlRequest.fsctl(CtlCode.FSCTL_PIPE_TRANSCEIVE, id, new byte[0], 64)))
                    .isEqualTo(NtStatus.INVALID_DEVICE_REQUEST);
            assertThat(f.status(new IoctlRequest(CtlCode.FSCTL_GET_REPARSE_POINT, id, new byte[0], 0, new byte[0], 64,
                    0))).isEqualTo(NtStatus.NOT_SUPPORTED);
            assertThat(f.status(IoctlRequest.fsctl(CtlCode.FSCTL_GET_REPARSE_POINT, new FileId(5, 5), new byte[0],
                    64))).isEqualTo(NtStatus.FILE_CLOSED);
        }
    }
}
