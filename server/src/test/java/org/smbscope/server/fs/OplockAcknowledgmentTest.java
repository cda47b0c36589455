package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.LeaseBreakAcknowledgment;
import org.smbscope.codec.smb2.OplockBreak;
import org.smbscope.codec.smb2.OplockLevel;
import org.smbscope.codec.status.NtStatus;

/**
 * A caller that cannot receive breaks ({@code BreakSender.NONE}) is granted oplock level none ([MS-SMB2]
 * 3.3.5.9: the server may grant less than asked); acknowledgments without a break in progress are refused as
 * the spec says (3.3.5.22.1, 3.3.5.22.2). Granted oplocks and their breaks: {@link OplockTest}.
 */
class OplockAcknowledgmentTest {
    @Test
    void aBatchRequestIsGrantedNone() throws Exception {
        try (FsFixture f = FsFixture.jimfs()) {
            CreateRequest asked = FsFixture.createRequest("f", Access.FILE_GENERIC_READ, FsFixture.ALL_SHARE,
                    CreateDisposition.OPEN_IF, CreateOptions.NON_DIRECTORY_FILE);
            CreateRequest batch = new CreateRequest(OplockLevel.BATCH, asked.impersonationLevel(),
                    asked.desiredAccess(), asked.fileAttributes(), asked.shareAccess(), asked.createDisposition(),
                    asked.createOptions(), asked.name(), asked.contexts());
            CreateResponse r = (CreateResponse) f.done(batch).response();
            assertThat(r.oplockLevel()).isEqualTo(OplockLevel.NONE);
            assertThat(r.contexts()).isEmpty();
        }
    }

    @Test
    void acknowledgingABreakThatWasNeverSentIsInvalidDeviceState() throws Exception {
        try (FsFixture f = FsFixture.jimfs()) {
            FileId id = f.file("f");
            assertThat(f.status(new OplockBreak(OplockLevel.NONE, id))).isEqualTo(NtStatus.INVALID_DEVICE_STATE);
            assertThat(f.status(new OplockBreak(OplockLevel.LEVEL_II, id))).isEqualTo(NtStatus.INVALID_DEVICE_STATE);
        }
    }

    @Test
    void acknowledgingOnAnUnknownHandleIsFileClosed() throws Exception {
        try (FsFixture f = FsFixture.jimfs()) {
            assertThat(f.status(new OplockBreak(OplockLevel.NONE, new FileId(77, 77))))
                    .isEqualTo(NtStatus.FILE_CLOSED);
        }
    }

    @Test
    void aLeaseAcknowledgmentFindsNoLease() throws Exception {
        try (FsFixture f = FsFixture.jimfs()) {
            assertThat(f.status(new LeaseBreakAcknowledgment(0, new byte[16], 0, 0)))
                    .isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
        }
    }
}
