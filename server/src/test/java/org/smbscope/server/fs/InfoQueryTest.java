package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.smbscope.codec.dtyp.SecurityDescriptor;
import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.fscc.FileInformation;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.fscc.FsInformation;
import org.smbscope.codec.fscc.FsInformationClass;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.ErrorResponse;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.QueryInfoResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;

class InfoQueryTest {
    private FsFixture f;
    private FileId file;

    @BeforeEach
    void setUp() throws Exception {
        f = FsFixture.jimfs();
        Files.createDirectory(f.root.resolve("dir"));
        file = f.file("dir\\Some File.txt");
        f.write(file, 0, "0123456789");
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private static byte[] out(Outcome.Done d) {
        return ((QueryInfoResponse) d.response()).output();
    }

    private FileInformation fileInfo(FileId id, FileInformationClass c) throws Exception {
        Outcome.Done d = f.queryFile(id, c, 4096);
        assertThat(d.status()).as(c.name()).isEqualTo(NtStatus.SUCCESS);
        return FileInformation.decode(c, out(d));
    }

    @Test
    void fileClasses() throws Exception {
        FileInformation.Basic basic = (FileInformation.Basic) fileInfo(file, FileInformationClass.BASIC);
        assertThat(basic.attributes()).contains(FileAttribute.ARCHIVE);
        assertThat(basic.lastWriteTime().isZero()).isFalse();
        FileInformation.Standard std = (FileInformation.Standard) fileInfo(file, FileInformationClass.STANDARD);
        assertThat(std.endOfFile()).isEqualTo(10);
        assertThat(std.allocationSize()).isEqualTo(4096);
        assertThat(std.directory()).isFalse();
        FileInformation.All all = (FileInformation.All) fileInfo(file, FileInformationClass.ALL);
        assertThat(all.fileName()).isEqualTo("\\dir\\Some File.txt");
        assertThat(all.standard().endOfFile()).isEqualTo(10);
        assertThat(all.currentByteOffset()).isEqualTo(10);
        FileInformation.NetworkOpen no = (FileInformation.NetworkOpen) fileInfo(file,
                FileInformationClass.NETWORK_OPEN);
        assertThat(no.endOfFile()).isEqualTo(10);
        FileInformation.Streams streams = (FileInformation.Streams) fileInfo(file, FileInformationClass.STREAM);
        assertThat(streams.streams()).containsExactly(new FileInformation.Stream("::$DATA", 10, 4096));
        FileInformation.Value internal = (FileInformation.Value) fileInfo(file, FileInformationClass.INTERNAL);
        assertThat(internal.value()).isNotZero();
        assertThat(((FileInformation.Value) fileInfo(file, FileInformationClass.ACCESS)).value())
                .isEqualTo(Access.FILE_GENERIC_READ | Access.FILE_GENERIC_WRITE | Access.DELETE);
        assertThat(((FileInformation.Value) fileInfo(file, FileInformationClass.EA)).value()).isZero();
        fileInfo(file, FileInformationClass.MODE);
        fileInfo(file, FileInformationClass.ALIGNMENT);
        fileInfo(file, FileInformationClass.POSITION);
        fileInfo(file, FileInformationClass.ATTRIBUTE_TAG);
        byte[] alt = out(f.queryFile(file, FileInformationClass.ALTERNATE_NAME, 100));
        assertThat(((FileInformation.Name) FileInformation.decode(FileInformationClass.NAME, alt)).fileName())
                .as("same layout as FileNameInformation").isEqualTo("SOMEFI~1.TXT");
        assertThat(out(f.queryFile(file, FileInformationClass.COMPRESSION, 100))).hasSize(16);
        assertThat(out(f.queryFile(file, new FileInformationClass(59), 100))).as("FileIdInformation").hasSize(24);
        byte[] normalized = out(f.queryFile(file, new FileInformationClass(48), 100));
        assertThat(((FileInformation.Name) FileInformation.decode(FileInformationClass.NAME, normalized)).fileName())
                .isEqualTo("dir\\Some File.txt");
        assertThat(((Outcome.Done) f.handler.handle(new org.smbscope.server.tree.RequestContext(
                org.smbscope.codec.smb2.Smb2Dialect.SMB_3_0_2, "u", false, 65536, 65536, 65536),
                QueryInfoRequest.of(InfoType.FILE, 48, file, 100))).status()).isEqualTo(NtStatus.NOT_SUPPORTED);
        assertThat(f.queryFile(file, new FileInformationClass(99), 100).status()).isEqualTo(NtStatus.INVALID_INFO_CLASS);
        FileId dir = f.dir("dir");
        assertThat(((FileInformation.Standard) fileInfo(dir, FileInformationClass.STANDARD)).directory()).isTrue();
        assertThat(((FileInformation.Streams) fileInfo(dir, FileInformationClass.STREAM)).streams()).isEmpty();
    }

    @Test
    void shortBuffers() throws Exception {
        assertThat(f.queryFile(file, FileInformationClass.BASIC, 39).status()).isEqualTo(NtStatus.INFO_LENGTH_MISMATCH);
        assertThat(f.queryFile(file, FileInformationClass.ALL, 99).status()).isEqualTo(NtStatus.INFO_LENGTH_MISMATCH);
        Outcome.Done partial = f.queryFile(file, FileInformationClass.ALL, 104);
        assertThat(partial.status()).isEqualTo(NtStatus.BUFFER_OVERFLOW);
        assertThat(out(partial)).hasSize(104);
    }

    @Test
    void attributesNeedReadAttributes() {
        FileId bare = FsFixture.id(f.create("dir\\Some File.txt", Access.SYNCHRONIZE, 7, CreateDisposition.OPEN,
                CreateOptions.NONE));
        assertThat(f.queryFile(bare, FileInformationClass.BASIC, 100).status()).isEqualTo(NtStatus.ACCESS_DENIED);
        assertThat(f.queryFile(bare, FileInformationClass.STANDARD, 100).status()).isEqualTo(NtStatus.SUCCESS);
    }

    @Test
    void fileSystemClasses() throws Exception {
        for (FsInformationClass c : new FsInformationClass[] {FsInformationClass.VOLUME, FsInformationClass.SIZE,
            FsInformationClass.FULL_SIZE, FsInformationClass.DEVICE, FsInformationClass.ATTRIBUTE,
            FsInformationClass.SECTOR_SIZE}) {
            Outcome.Done d = f.done(QueryInfoRequest.of(InfoType.FILESYSTEM, c.value(), file, 4096));
            assertThat(d.status()).as(c.name()).isEqualTo(NtStatus.SUCCESS);
            FsInformation i = FsInformation.decode(c, out(d));
            if (i instanceof FsInformation.Attribute a) {
                assertThat(a.fileSystemName()).isEqualTo("NTFS");
                assertThat(a.fileSystemAttributes() & 0x7).isEqualTo(0x7);
            }
            if (i instanceof FsInformation.Device dev) {
                assertThat(dev.deviceType()).isEqualTo(7);
            }
        }
        assertThat(f.status(QueryInfoRequest.of(InfoType.FILESYSTEM, 0x55, file, 4096)))
                .isEqualTo(NtStatus.INVALID_INFO_CLASS);
        assertThat(f.status(QueryInfoRequest.of(InfoType.FILESYSTEM, 5, file, 8)))
                .isEqualTo(NtStatus.INFO_LENGTH_MISMATCH);
    }

    @Test
    void securityDescriptor() throws Exception {
        Outcome.Done d = f.done(new QueryInfoRequest(InfoType.SECURITY, 0, 4096, new byte[0], 0x7, 0, file));
        assertThat(d.status()).isEqualTo(NtStatus.SUCCESS);
        SecurityDescriptor sd = SecurityDescriptor.of(out(d));
        // a new file belongs to its creator and the creator's primary group (Domain Users)
        assertThat(sd.owner().orElseThrow()).isEqualTo(org.smbscope.server.tree.SecurityToken.user("alice").user());
        assertThat(sd.group().orElseThrow()).isEqualTo(org.smbscope.server.tree.SecurityToken.account(513));
        assertThat(sd.control() & 0x8004).isEqualTo(0x8004);
        Outcome.Done small = f.done(new QueryInfoRequest(InfoType.SECURITY, 0, 8, new byte[0], 0x7, 0, file));
        assertThat(small.status()).isEqualTo(NtStatus.BUFFER_TOO_SMALL);
        byte[] need = ((ErrorResponse) small.response()).errorData();
        assertThat(need[0] & 0xFF).isEqualTo(out(d).length);
        FileId noControl = FsFixture.id(f.create("dir", Access.READ_ATTRIBUTES, 7, CreateDisposition.OPEN,
                CreateOptions.NONE));
        assertThat(f.status(new QueryInfoRequest(InfoType.SECURITY, 0, 4096, new byte[0], 0x4, 0, noControl)))
                .isEqualTo(NtStatus.ACCESS_DENIED);
    }
}
