package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.smbscope.codec.dtyp.SecurityDescriptor;
import org.smbscope.codec.fscc.FileInformation;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.smb2.CreateContext;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.CtlCode;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.IoctlRequest;
import org.smbscope.codec.smb2.IoctlResponse;
import org.smbscope.codec.smb2.LockRequest;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.QueryInfoResponse;
import org.smbscope.codec.smb2.SetInfoRequest;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.share.ShareRoot;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;

/** Two trees sharing one OpenFiles, security descriptors, server-side copy, resilient locks. */
class MoreCommandsTest {
    private FsFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = FsFixture.jimfs();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void twoTreesOfOneServerSeeEachOthersOpens() throws Exception {
        OpenFiles files = new OpenFiles();
        try (DiskTreeHandler t1 = new DiskTreeHandler(ShareRoot.of(f.root), false, FsFixture.CLOCK, files);
                DiskTreeHandler t2 = new DiskTreeHandler(ShareRoot.of(f.root), false, FsFixture.CLOCK, files)) {
            var exclusive = FsFixture.createRequest("x.txt", Access.FILE_GENERIC_READ | Access.FILE_GENERIC_WRITE, 0,
                    CreateDisposition.OPEN_IF, CreateOptions.NONE);
            Outcome.Done first = (Outcome.Done) t1.handle(FsFixture.CTX, exclusive);
            assertThat(first.status()).isEqualTo(NtStatus.SUCCESS);
            assertThat(((Outcome.Done) t2.handle(FsFixture.CTX, exclusive)).status())
                    .isEqualTo(NtStatus.SHARING_VIOLATION);
            FileId id = FsFixture.id(first);
            assertThat(((Outcome.Done) t2.handle(FsFixture.CTX, new org.smbscope.codec.smb2.CloseRequest(id))).status())
                    .as("a FileId belongs to its tree").isEqualTo(NtStatus.FILE_CLOSED);
            t1.close();
            assertThat(((Outcome.Done) t2.handle(FsFixture.CTX, exclusive)).status()).isEqualTo(NtStatus.SUCCESS);
            assertThat(files.size()).isEqualTo(1);
        }
    }

    @Test
    void securityDescriptorsAreKeptAsSet() throws Exception {
        byte[] given = SdParts.of(FsFixture.CTX.token().user(), org.smbscope.codec.dtyp.WellKnownSids.USERS, true,
                org.smbscope.codec.dtyp.Acl.of(java.util.List.of(org.smbscope.codec.dtyp.Ace.allowed(0,
                        Access.READ_ONLY_MAXIMUM, org.smbscope.codec.dtyp.WellKnownSids.EVERYONE))), 0).write(7);
        assertThat(f.create("admin.txt", Access.FILE_GENERIC_READ, 7, CreateDisposition.CREATE, CreateOptions.NONE,
                new CreateContext(CreateContext.SECURITY_DESCRIPTOR, SecurityDescriptors.build(7, true, false)))
                .status()).as("BUILTIN\\Administrators is not in alice's token").isEqualTo(NtStatus.INVALID_OWNER);
        Outcome.Done created = f.create("sd.txt", Access.FILE_GENERIC_READ | Access.WRITE_DAC | Access.WRITE_OWNER, 7,
                CreateDisposition.CREATE, CreateOptions.NONE, new CreateContext(CreateContext.SECURITY_DESCRIPTOR, given));
        FileId id = FsFixture.id(created);
        byte[] back = ((QueryInfoResponse) f.done(new QueryInfoRequest(InfoType.SECURITY, 0, 4096, new byte[0], 7, 0,
                id)).response()).output();
        assertThat(back).as("the read-only share's DACL was given").isEqualTo(given);
        byte[] ownerOnly = ((QueryInfoResponse) f.done(new QueryInfoRequest(InfoType.SECURITY, 0, 4096, new byte[0], 1,
                0, id)).response()).output();
        assertThat(SecurityDescriptor.of(ownerOnly).owner()).isPresent();
        assertThat(SecurityDescriptor.of(ownerOnly).group()).isEmpty();
        byte[] nullDacl = {1, 0, 4, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThat(f.status(new SetInfoRequest(InfoType.SECURITY, 0, nullDacl, 4, id))).isEqualTo(NtStatus.SUCCESS);
        byte[] after = ((QueryInfoResponse) f.done(new QueryInfoRequest(InfoType.SECURITY, 0, 4096, new byte[0], 7, 0,
                id)).response()).output();
        SdParts parts = SdParts.parse(after);
        assertThat(parts.daclPresent()).isTrue();
        assertThat(parts.dacl()).as("a NULL DACL stays NULL").isNull();
        assertThat(parts.owner()).isNotNull();
        assertThat(f.status(new SetInfoRequest(InfoType.SECURITY, 0, new byte[] {1, 2, 3}, 4, id)))
                .isEqualTo(NtStatus.INVALID_PARAMETER);
        assertThat(f.create("bad.txt", Access.FILE_GENERIC_READ, 7, CreateDisposition.CREATE, CreateOptions.NONE,
                new CreateContext(CreateContext.SECURITY_DESCRIPTOR, new byte[] {9})).status())
                .isEqualTo(NtStatus.INVALID_PARAMETER);
    }

    private static byte[] chunks(byte[] key, long... triples) {
        int n = triples.length / 3;
        ByteBuffer b = ByteBuffer.allocate(32 + 24 * n).order(ByteOrder.LITTLE_ENDIAN);
        b.put(key).putInt(n).putInt(0);
        for (int i = 0; i < n; i++) {
            b.putLong(triples[3 * i]).putLong(triples[3 * i + 1]).putInt((int) triples[3 * i + 2]).putInt(0);
        }
        return b.array();
    }

    @Test
    void serverSideCopy() throws Exception {
        FileId src = f.file("src.bin");
        f.write(src, 0, "0123456789abcdef");
        FileId dst = f.file("dst.bin");
        Outcome.Done key = f.done(IoctlRequest.fsctl(CtlCode.FSCTL_SRV_REQUEST_RESUME_KEY, src, new byte[0], 32));
        byte[] k = java.util.Arrays.copyOf(((IoctlResponse) key.response()).output(), 24);
        Outcome.Done copied = f.done(IoctlRequest.fsctl(CtlCode.FSCTL_SRV_COPYCHUNK, dst, chunks(k, 0, 0, 4, 10, 4, 6),
                12));
        assertThat(copied.status()).isEqualTo(NtStatus.SUCCESS);
        ByteBuffer out = ByteBuffer.wrap(((IoctlResponse) copied.response()).output()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(out.getInt(0)).isEqualTo(2);
        assertThat(out.getInt(8)).isEqualTo(10);
        assertThat(Files.readString(f.root.resolve("dst.bin"))).isEqualTo("0123abcdef");
        Outcome.Done past = f.done(IoctlRequest.fsctl(CtlCode.FSCTL_SRV_COPYCHUNK, dst, chunks(k, 10, 0, 100), 12));
        assertThat(past.status()).isEqualTo(ServerSideCopy.INVALID_VIEW_SIZE);
        Outcome.Done big = f.done(IoctlRequest.fsctl(CtlCode.FSCTL_SRV_COPYCHUNK, dst, chunks(k, 0, 0, 2 << 20), 12));
        assertThat(big.status()).isEqualTo(NtStatus.INVALID_PARAMETER);
        ByteBuffer lim = ByteBuffer.wrap(((IoctlResponse) big.response()).output()).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(lim.getInt(0)).isEqualTo(256);
        byte[] wrong = k.clone();
        wrong[0] ^= 1;
        assertThat(f.status(IoctlRequest.fsctl(CtlCode.FSCTL_SRV_COPYCHUNK, dst, chunks(wrong, 0, 0, 4), 12)))
                .isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
        FileId readOnlyDst = FsFixture.id(f.create("dst.bin", Access.FILE_GENERIC_READ, 7, CreateDisposition.OPEN,
                CreateOptions.NONE));
        assertThat(f.status(IoctlRequest.fsctl(CtlCode.FSCTL_SRV_COPYCHUNK, readOnlyDst, chunks(k, 0, 0, 4), 12)))
                .isEqualTo(NtStatus.ACCESS_DENIED);
    }

    @Test
    void resilientOpensReplayLockSequences() throws Exception {
        FileId id = f.file("r.bin");
        RequestContext smb3 = new RequestContext(Smb2Dialect.SMB_3_0_2, "u", false, 65536, 65536, 65536);
        Outcome.Done res = (Outcome.Done) f.handler.handle(smb3,
                IoctlRequest.fsctl(CtlCode.FSCTL_LMR_REQUEST_RESILIENCY, id, new byte[8], 0));
        assertThat(res.status()).isEqualTo(NtStatus.SUCCESS);
        int seq = (1 << 4) | 3;
        var lock = new LockRequest(seq, id, List.of(new LockRequest.Element(0, 1, 0x12)));
        assertThat(((Outcome.Done) f.handler.handle(smb3, lock)).status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(((Outcome.Done) f.handler.handle(smb3, lock)).status()).as("replayed").isEqualTo(NtStatus.SUCCESS);
        var next = new LockRequest((1 << 4) | 4, id, List.of(new LockRequest.Element(0, 1, 0x12)));
        assertThat(((Outcome.Done) f.handler.handle(smb3, next)).status()).isEqualTo(NtStatus.LOCK_NOT_GRANTED);
    }

    @Test
    void renameWaitsForTheParentsSharing() throws Exception {
        f.close(f.dir("d"));
        FileId parent = FsFixture.id(f.create("d", Access.FILE_GENERIC_READ | Access.DELETE, 7, CreateDisposition.OPEN,
                CreateOptions.DIRECTORY_FILE));
        FileId file = f.file("d\\a.txt");
        assertThat(f.setFile(file, FileInformationClass.RENAME,
                FileInformation.encode(new FileInformation.Rename(false, 0, "d\\b.txt"))).status())
                .isEqualTo(NtStatus.SHARING_VIOLATION);
        f.close(parent);
        assertThat(f.setFile(file, FileInformationClass.RENAME,
                FileInformation.encode(new FileInformation.Rename(false, 0, "d\\b.txt"))).status())
                .isEqualTo(NtStatus.SUCCESS);
    }

    @Test
    void fileSystemControlAndObjectId() throws Exception {
        FileId root = f.dir("");
        Outcome.Done control = f.done(QueryInfoRequest.of(InfoType.FILESYSTEM, 6, root, 100));
        assertThat(((QueryInfoResponse) control.response()).output()).hasSize(48);
        Outcome.Done objectId = f.done(QueryInfoRequest.of(InfoType.FILESYSTEM, 8, root, 100));
        assertThat(((QueryInfoResponse) objectId.response()).output()).hasSize(64);
        assertThat(f.status(QueryInfoRequest.of(InfoType.FILESYSTEM, 1, root, 23))).isEqualTo(NtStatus.INFO_LENGTH_MISMATCH);
        Outcome.Done oid = f.done(new IoctlRequest(new CtlCode(0x900C0), root, new byte[0], 0, new byte[0], 64, 1));
        assertThat(((IoctlResponse) oid.response()).output()).hasSize(64);
        assertThat(f.status(IoctlRequest.fsctl(new CtlCode(0x9003C), root, new byte[0], 2))).isEqualTo(NtStatus.SUCCESS);
        assertThat(f.status(IoctlRequest.fsctl(new CtlCode(0x9C040), root, new byte[] {1, 0}, 0)))
                .isEqualTo(NtStatus.NOT_SUPPORTED);
        assertThat(f.create("\\lead", Access.FILE_GENERIC_READ, 7, CreateDisposition.OPEN_IF, CreateOptions.NONE)
                .status()).isEqualTo(NtStatus.INVALID_PARAMETER);
    }
}
