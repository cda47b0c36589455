package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.fscc.FileInformation;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.QueryInfoResponse;
import org.smbscope.codec.smb2.SetInfoRequest;
import org.smbscope.codec.status.NtStatus;

class InfoSetTest {
    private FsFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = FsFixture.jimfs();
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private static byte[] enc(FileInformation i) {
        return FileInformation.encode(i);
    }

    private NtStatus rename(FileId id, String to, boolean replace) {
        return f.setFile(id, FileInformationClass.RENAME, enc(new FileInformation.Rename(replace, 0, to))).status();
    }

    @Test
    void renameInsideAndAcrossDirectories() throws Exception {
        FileId a = f.file("a.txt");
        f.write(a, 0, "A");
        f.close(f.dir("sub"));
        assertThat(rename(a, "b.txt", false)).isEqualTo(NtStatus.SUCCESS);
        assertThat(Files.exists(f.root.resolve("b.txt"))).isTrue();
        assertThat(rename(a, "\\sub\\c.txt", false)).isEqualTo(NtStatus.SUCCESS);
        assertThat(Files.readString(f.root.resolve("sub").resolve("c.txt"))).isEqualTo("A");
        f.write(a, 1, "B");
        assertThat(Files.readString(f.root.resolve("sub").resolve("c.txt"))).isEqualTo("AB");
        byte[] all = ((QueryInfoResponse) f.queryFile(a, FileInformationClass.ALL, 4096).response()).output();
        assertThat(((FileInformation.All) FileInformation.decode(FileInformationClass.ALL, all)).fileName())
                .isEqualTo("\\sub\\c.txt");
        FileId other = f.file("other.txt");
        f.close(other);
        assertThat(rename(a, "other.txt", false)).isEqualTo(NtStatus.OBJECT_NAME_COLLISION);
        assertThat(rename(a, "other.txt", true)).isEqualTo(NtStatus.SUCCESS);
        assertThat(Files.readString(f.root.resolve("other.txt"))).isEqualTo("AB");
        assertThat(rename(a, "nodir\\x.txt", false)).isEqualTo(NtStatus.OBJECT_PATH_NOT_FOUND);
        assertThat(rename(a, "..\\escape.txt", false)).isIn(NtStatus.OBJECT_PATH_SYNTAX_BAD,
                NtStatus.OBJECT_NAME_INVALID);
        assertThat(rename(a, "OTHER.TXT", false)).as("case change of itself").isEqualTo(NtStatus.SUCCESS);
        FileId held = f.file("held.txt");
        assertThat(rename(a, "held.txt", true)).as("target open").isEqualTo(NtStatus.ACCESS_DENIED);
        f.close(held);
    }

    @Test
    void renameOfADirectoryWithOpenChildrenIsRefused() {
        FileId d = FsFixture.id(f.create("d", Access.FILE_GENERIC_READ | Access.DELETE, 7, CreateDisposition.CREATE,
                CreateOptions.DIRECTORY_FILE));
        FileId child = f.file("d\\x");
        assertThat(rename(d, "e", false)).isEqualTo(NtStatus.ACCESS_DENIED);
        f.close(child);
        assertThat(rename(d, "e", false)).isEqualTo(NtStatus.SUCCESS);
        assertThat(Files.isDirectory(f.root.resolve("e"))).isTrue();
    }

    @Test
    void aLinkIsASecondNameOfTheFile() throws Exception {
        FileId a = f.file("a.txt");
        f.write(a, 0, "A");
        byte[] link = enc(new FileInformation.Rename(false, 0, "\\b.txt"));
        assertThat(f.setFile(a, new FileInformationClass(11), link).status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(Files.isSameFile(f.root.resolve("a.txt"), f.root.resolve("b.txt"))).isTrue();
        assertThat(f.setFile(a, new FileInformationClass(11), link).status()).isEqualTo(NtStatus.OBJECT_NAME_COLLISION);
        FileId d = f.dir("d");
        assertThat(f.setFile(d, new FileInformationClass(11), enc(new FileInformation.Rename(false, 0, "d2"))).status())
                .isEqualTo(NtStatus.FILE_IS_A_DIRECTORY);
        f.close(d);
        f.close(a);
    }

    @Test
    void renameNeedsDeleteAccess() {
        f.close(f.file("r.txt"));
        FileId noDelete = FsFixture.id(f.create("r.txt", Access.FILE_GENERIC_WRITE, 7, CreateDisposition.OPEN,
                CreateOptions.NONE));
        assertThat(rename(noDelete, "s.txt", false)).isEqualTo(NtStatus.ACCESS_DENIED);
    }

    @Test
    void dispositionDeletesAtLastClose() throws Exception {
        FileId a = f.file("del.txt");
        assertThat(f.setFile(a, FileInformationClass.DISPOSITION, enc(new FileInformation.Disposition(true)))
                .status()).isEqualTo(NtStatus.SUCCESS);
        byte[] std = ((QueryInfoResponse) f.queryFile(a, FileInformationClass.STANDARD, 100).response()).output();
        assertThat(((FileInformation.Standard) FileInformation.decode(FileInformationClass.STANDARD, std))
                .deletePending()).isTrue();
        f.close(a);
        assertThat(Files.exists(f.root.resolve("del.txt"))).isFalse();

        FileId d = FsFixture.id(f.create("full", Access.FILE_GENERIC_READ | Access.DELETE, 7,
                CreateDisposition.CREATE, CreateOptions.DIRECTORY_FILE));
        f.close(f.file("full\\x"));
        assertThat(f.setFile(d, FileInformationClass.DISPOSITION, enc(new FileInformation.Disposition(true)))
                .status()).isEqualTo(NtStatus.DIRECTORY_NOT_EMPTY);

        FileId undo = f.file("keep.txt");
        f.setFile(undo, FileInformationClass.DISPOSITION, enc(new FileInformation.Disposition(true)));
        f.setFile(undo, FileInformationClass.DISPOSITION, enc(new FileInformation.Disposition(false)));
        f.close(undo);
        assertThat(Files.exists(f.root.resolve("keep.txt"))).isTrue();
    }

    @Test
    void basicInformationTimesAndAttributes() throws Exception {
        FileId a = f.file("t.txt");
        Instant when = Instant.parse("2020-05-06T07:08:09Z");
        FileInformation.Basic b = new FileInformation.Basic(FileTime.ZERO, new FileTime(-1), FileTime.of(when),
                FileTime.ZERO, Set.of(FileAttribute.HIDDEN, FileAttribute.ARCHIVE));
        assertThat(f.setFile(a, FileInformationClass.BASIC, enc(b)).status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(Files.getLastModifiedTime(f.root.resolve("t.txt")).toInstant()).isEqualTo(when);
        assertThat((Boolean) Files.getAttribute(f.root.resolve("t.txt"), "dos:hidden")).isTrue();
        FileInformation.Basic dir = new FileInformation.Basic(FileTime.ZERO, FileTime.ZERO, FileTime.ZERO,
                FileTime.ZERO, Set.of(FileAttribute.DIRECTORY));
        assertThat(f.setFile(a, FileInformationClass.BASIC, enc(dir)).status()).isEqualTo(NtStatus.INVALID_PARAMETER);
        assertThat(f.setFile(a, FileInformationClass.BASIC, new byte[10]).status())
                .isEqualTo(NtStatus.INFO_LENGTH_MISMATCH);
        FileInformation.Basic ro = new FileInformation.Basic(FileTime.ZERO, FileTime.ZERO, FileTime.ZERO,
                FileTime.ZERO, Set.of(FileAttribute.READONLY));
        f.setFile(a, FileInformationClass.BASIC, enc(ro));
        assertThat(f.create("t.txt", Access.FILE_GENERIC_WRITE, 7, CreateDisposition.OPEN, CreateOptions.NONE)
                .status()).isEqualTo(NtStatus.ACCESS_DENIED);
        assertThat(f.setFile(a, FileInformationClass.DISPOSITION, enc(new FileInformation.Disposition(true)))
                .status()).isEqualTo(NtStatus.CANNOT_DELETE);
    }

    @Test
    void endOfFileAllocationAndPosition() throws Exception {
        FileId a = f.file("s.bin");
        f.write(a, 0, "0123456789");
        assertThat(f.setFile(a, FileInformationClass.END_OF_FILE,
                enc(new FileInformation.Value(FileInformationClass.END_OF_FILE, 4))).status())
                .isEqualTo(NtStatus.SUCCESS);
        assertThat(Files.size(f.root.resolve("s.bin"))).isEqualTo(4);
        f.setFile(a, FileInformationClass.END_OF_FILE,
                enc(new FileInformation.Value(FileInformationClass.END_OF_FILE, 100)));
        assertThat(Files.size(f.root.resolve("s.bin"))).isEqualTo(100);
        f.setFile(a, FileInformationClass.ALLOCATION,
                enc(new FileInformation.Value(FileInformationClass.ALLOCATION, 50)));
        assertThat(Files.size(f.root.resolve("s.bin"))).isEqualTo(50);
        f.setFile(a, FileInformationClass.POSITION, enc(new FileInformation.Value(FileInformationClass.POSITION, 7)));
        byte[] pos = ((QueryInfoResponse) f.queryFile(a, FileInformationClass.POSITION, 8).response()).output();
        assertThat(pos[0]).isEqualTo((byte) 7);
        assertThat(f.setFile(a, new FileInformationClass(99), new byte[8]).status())
                .isEqualTo(NtStatus.INVALID_INFO_CLASS);
    }

    @Test
    void readOnlyShareRefusesChanges() throws Exception {
        try (FsFixture ro = FsFixture.jimfs(true)) {
            Files.writeString(ro.root.resolve("x"), "x");
            FileId id = FsFixture.id(ro.create("x", Access.MAXIMUM_ALLOWED, 7, CreateDisposition.OPEN,
                    CreateOptions.NONE));
            assertThat(ro.setFile(id, FileInformationClass.DISPOSITION, enc(new FileInformation.Disposition(true)))
                    .status()).isEqualTo(NtStatus.ACCESS_DENIED);
            assertThat(ro.setFile(id, FileInformationClass.RENAME, enc(new FileInformation.Rename(false, 0, "y")))
                    .status()).isEqualTo(NtStatus.ACCESS_DENIED);
            assertThat(ro.write(id, 0, "z").status()).isEqualTo(NtStatus.ACCESS_DENIED);
            assertThat(ro.status(new SetInfoRequest(InfoType.SECURITY, 0, new byte[20], 4, id)))
                    .isEqualTo(NtStatus.ACCESS_DENIED);
        }
    }
}
