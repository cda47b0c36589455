package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.fscc.DirectoryEntry;
import org.smbscope.codec.fscc.DirectoryInformation;
import org.smbscope.codec.fscc.FileInformation;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.fscc.FullEa;
import org.smbscope.codec.fscc.FullEaInformation;
import org.smbscope.codec.smb2.CreateContext;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.QueryDirectoryResponse;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.QueryInfoResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;

/** FileFullEaInformation through the SMB2 commands: ExtA on create, QUERY_INFO scans and lists, SET_INFO. */
class EaCommandsTest {
    private static final int RW = Access.FILE_GENERIC_READ | Access.FILE_GENERIC_WRITE | Access.DELETE;
    private static final List<FullEa> TWO = List.of(FullEa.of("EAONE", "VALUE1"), FullEa.of("SecondEA", "ValueTwo"));

    private static FileSystem windowsWithXattrs() {
        return Jimfs.newFileSystem(Configuration.windows().toBuilder().setAttributeViews("basic", "dos", "user").build());
    }

    private static CreateContext extA(List<FullEa> eas) {
        return new CreateContext(CreateContext.EA_BUFFER, FullEaInformation.encode(eas));
    }

    private static Outcome.Done query(FsFixture f, FileId id, int flags, byte[] names, int max) {
        return f.done(new QueryInfoRequest(InfoType.FILE, 15, max, names, 0, flags, id));
    }

    private static List<FullEa> eas(Outcome.Done d) throws Exception {
        return FullEaInformation.decode(((QueryInfoResponse) d.response()).output());
    }

    private static void everything(FsFixture f) throws Exception {
        FileId id = FsFixture.id(f.create("ea.txt", RW, 7, CreateDisposition.CREATE, CreateOptions.NONE, extA(TWO)));
        Outcome.Done all = query(f, id, EaCommands.RESTART_SCAN, new byte[0], 65536);
        assertThat(all.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(eas(all)).containsExactly(FullEa.of("EAONE", "VALUE1"), FullEa.of("SECONDEA", "ValueTwo"));
        long size = ((FileInformation.Value) FileInformation.decode(FileInformationClass.EA,
                ((QueryInfoResponse) f.queryFile(id, FileInformationClass.EA, 4).response()).output())).value();
        assertThat(size).isEqualTo(20 + 28);

        // an EaList names what to return; a missing EA comes back with no value
        Outcome.Done listed = query(f, id, 0, FullEaInformation.encodeNames(List.of("secondea", "NOPE")), 65536);
        assertThat(eas(listed)).containsExactly(FullEa.of("SECONDEA", "ValueTwo"), FullEa.of("NOPE", ""));
        assertThat(query(f, id, 0, new byte[] {1, 2, 3}, 65536).status()).isEqualTo(NtStatus.EA_LIST_INCONSISTENT);

        // a scan one entry at a time, then restarted
        assertThat(eas(query(f, id, EaCommands.RESTART_SCAN | EaCommands.RETURN_SINGLE_ENTRY, new byte[0], 65536)))
                .extracting(FullEa::name).containsExactly("EAONE");
        assertThat(eas(query(f, id, EaCommands.RETURN_SINGLE_ENTRY, new byte[0], 65536)))
                .extracting(FullEa::name).containsExactly("SECONDEA");
        assertThat(query(f, id, 0, new byte[0], 65536).status()).isEqualTo(EaCommands.NO_MORE_EAS);
        Outcome.Done part = query(f, id, EaCommands.RESTART_SCAN, new byte[0], 24);
        assertThat(part.status()).isEqualTo(NtStatus.BUFFER_OVERFLOW);
        assertThat(eas(part)).extracting(FullEa::name).containsExactly("EAONE");
        assertThat(query(f, id, EaCommands.RESTART_SCAN, new byte[0], 10).status()).isEqualTo(NtStatus.BUFFER_TOO_SMALL);

        // SET_INFO: a new EA, an empty value deletes, a bad name changes nothing
        assertThat(f.setFile(id, FileInformationClass.FULL_EA, FullEaInformation.encode(List.of(
                FullEa.of("EAONE", ""), FullEa.of("third", "3")))).status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(f.setFile(id, FileInformationClass.FULL_EA, FullEaInformation.encode(List.of(
                FullEa.of("fourth", "4"), FullEa.of("bad:name", "x")))).status()).isEqualTo(NtStatus.INVALID_EA_NAME);
        assertThat(f.setFile(id, FileInformationClass.FULL_EA, new byte[] {9}).status())
                .isEqualTo(NtStatus.EA_LIST_INCONSISTENT);
        assertThat(eas(query(f, id, EaCommands.RESTART_SCAN, new byte[0], 65536))).extracting(FullEa::name)
                .containsExactly("SECONDEA", "THIRD");

        // directory listings carry EaSize
        FileId root = f.dir("");
        Outcome.Done d = f.list(root, FileInformationClass.ID_BOTH_DIRECTORY, 0, "ea.txt", 65536);
        List<DirectoryEntry> es = DirectoryInformation.decode(FileInformationClass.ID_BOTH_DIRECTORY,
                ((QueryDirectoryResponse) d.response()).output());
        assertThat(es).extracting(DirectoryEntry::eaSize).containsExactly(28 + 16);
        f.close(id);
        f.close(root);

        // no EAs, no read access to them
        FileId plain = f.file("plain.txt");
        assertThat(query(f, plain, EaCommands.RESTART_SCAN, new byte[0], 65536).status())
                .isEqualTo(NtStatus.NO_EAS_ON_FILE);
        f.close(plain);
        FileId attrsOnly = FsFixture.id(f.create("ea.txt", Access.READ_ATTRIBUTES, 7, CreateDisposition.OPEN,
                CreateOptions.NONE));
        assertThat(query(f, attrsOnly, EaCommands.RESTART_SCAN, new byte[0], 65536).status())
                .isEqualTo(NtStatus.ACCESS_DENIED);
        assertThat(f.setFile(attrsOnly, FileInformationClass.FULL_EA, FullEaInformation.encode(TWO)).status())
                .isEqualTo(NtStatus.ACCESS_DENIED);
        f.close(attrsOnly);

        // a bad name in ExtA refuses the create before anything exists
        assertThat(f.create("bad.txt", RW, 7, CreateDisposition.CREATE, CreateOptions.NONE,
                extA(List.of(FullEa.of("a?b", "1")))).status()).isEqualTo(NtStatus.INVALID_EA_NAME);
        assertThat(f.create("bad.txt", RW, 7, CreateDisposition.OPEN, CreateOptions.NONE).status())
                .isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);

        // an overwrite replaces the EAs
        FileId over = FsFixture.id(f.create("ea.txt", RW, 7, CreateDisposition.OVERWRITE_IF, CreateOptions.NONE,
                extA(List.of(FullEa.of("new", "n")))));
        assertThat(eas(query(f, over, EaCommands.RESTART_SCAN, new byte[0], 65536))).extracting(FullEa::name)
                .containsExactly("NEW");
        f.close(over);
    }

    @Test
    void inUserExtendedAttributes() throws Exception {
        try (FileSystem fs = windowsWithXattrs(); FsFixture f = FsFixture.onDisk(
                Files.createDirectories(fs.getPath("C:\\share")), false)) {
            everything(f);
        }
    }

    @Test
    void inMemoryWhereTheFileSystemHasNone() throws Exception {
        try (FsFixture f = FsFixture.jimfs()) {
            everything(f);
        }
    }
}
