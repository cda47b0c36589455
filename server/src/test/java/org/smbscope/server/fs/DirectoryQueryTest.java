package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.smbscope.codec.fscc.DirectoryEntry;
import org.smbscope.codec.fscc.DirectoryInformation;
import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.QueryDirectoryRequest;
import org.smbscope.codec.smb2.QueryDirectoryResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;

class DirectoryQueryTest {
    private static final FileInformationClass ID_BOTH = FileInformationClass.ID_BOTH_DIRECTORY;
    private FsFixture f;
    private FileId root;

    @BeforeEach
    void setUp() throws Exception {
        f = FsFixture.jimfs();
        Files.writeString(f.root.resolve("b.txt"), "bb");
        Files.writeString(f.root.resolve("A.doc"), "a");
        Files.createDirectory(f.root.resolve("sub"));
        root = f.dir("");
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    private static List<DirectoryEntry> entries(FileInformationClass c, Outcome.Done d) throws Exception {
        byte[] out = ((QueryDirectoryResponse) d.response()).output();
        return DirectoryInformation.decode(c, out);
    }

    private static List<String> names(List<DirectoryEntry> es) {
        return es.stream().map(DirectoryEntry::fileName).toList();
    }

    @Test
    void listsEverythingThenNoMoreFiles() throws Exception {
        Outcome.Done d = f.list(root, ID_BOTH, 0, "*", 65536);
        assertThat(d.status()).isEqualTo(NtStatus.SUCCESS);
        List<DirectoryEntry> es = entries(ID_BOTH, d);
        assertThat(names(es)).containsExactly(".", "..", "A.doc", "b.txt", "sub");
        DirectoryEntry b = es.get(3);
        assertThat(b.endOfFile()).isEqualTo(2);
        assertThat(b.fileId()).isNotZero();
        assertThat(es.get(4).isDirectory()).isTrue();
        assertThat(f.list(root, ID_BOTH, 0, "*", 65536).status()).isEqualTo(NtStatus.NO_MORE_FILES);
        Outcome.Done again = f.list(root, ID_BOTH, QueryDirectoryRequest.RESTART_SCANS, "*", 65536);
        assertThat(names(entries(ID_BOTH, again))).hasSize(5);
    }

    @Test
    void everyClassDecodes() throws Exception {
        for (int c : new int[] {1, 2, 3, 12, 37, 38}) {
            FileInformationClass cls = new FileInformationClass(c);
            Outcome.Done d = f.list(root, cls, QueryDirectoryRequest.RESTART_SCANS, "*.txt", 65536);
            assertThat(d.status()).as(cls.name()).isEqualTo(NtStatus.SUCCESS);
            assertThat(names(entries(cls, d))).as(cls.name()).containsExactly("b.txt");
        }
        assertThat(f.list(root, new FileInformationClass(4), 0, "*", 65536).status())
                .isEqualTo(NtStatus.INVALID_INFO_CLASS);
    }

    @Test
    void patternsAreCaseInsensitiveAndAFirstMissIsNoSuchFile() throws Exception {
        assertThat(names(entries(ID_BOTH, f.list(root, ID_BOTH, 0, "B.TXT", 65536)))).containsExactly("b.txt");
        FileId d2 = f.dir("");
        assertThat(f.list(d2, ID_BOTH, 0, "nothing*", 65536).status()).isEqualTo(NtStatus.NO_SUCH_FILE);
        FileId d3 = f.dir("");
        assertThat(names(entries(ID_BOTH, f.list(d3, ID_BOTH, 0, "<.doc", 65536)))).containsExactly("A.doc");
        FileId d4 = f.dir("");
        assertThat(f.list(d4, ID_BOTH, 0, "missing.txt", 65536).status()).isEqualTo(NtStatus.NO_SUCH_FILE);
    }

    @Test
    void singleEntriesAndPackingToTheOutputLength() throws Exception {
        List<String> seen = new ArrayList<>();
        while (true) {
            Outcome.Done d = f.list(root, ID_BOTH, QueryDirectoryRequest.RETURN_SINGLE_ENTRY, "*", 65536);
            if (d.status().equals(NtStatus.NO_MORE_FILES)) {
                break;
            }
            List<DirectoryEntry> es = entries(ID_BOTH, d);
            assertThat(es).hasSize(1);
            seen.add(es.get(0).fileName());
        }
        assertThat(seen).containsExactly(".", "..", "A.doc", "b.txt", "sub");

        // 104 fixed + 2 bytes for ".": the second entry starts at 112 and needs 108 more
        FileId d = f.dir("");
        Outcome.Done two = f.list(d, ID_BOTH, 0, "*", 112 + 108);
        byte[] out = ((QueryDirectoryResponse) two.response()).output();
        assertThat(names(entries(ID_BOTH, two))).containsExactly(".", "..");
        assertThat(out).hasSize(220);
        assertThat(out[0]).isEqualTo((byte) 112);
        Outcome.Done next = f.list(d, ID_BOTH, 0, "*", 112 + 107);
        assertThat(names(entries(ID_BOTH, next))).containsExactly("A.doc");
        FileId e = f.dir("");
        assertThat(f.list(e, ID_BOTH, 0, "*", 50).status()).isEqualTo(NtStatus.INFO_LENGTH_MISMATCH);
    }

    @Test
    void notADirectoryOrNoListAccess() throws Exception {
        FileId file = f.file("b.txt");
        assertThat(f.list(file, ID_BOTH, 0, "*", 65536).status()).isEqualTo(NtStatus.INVALID_PARAMETER);
        FileId attrsOnly = FsFixture.id(f.create("sub", Access.READ_ATTRIBUTES, 7,
                org.smbscope.codec.smb2.CreateDisposition.OPEN, org.smbscope.codec.smb2.CreateOptions.NONE));
        assertThat(f.list(attrsOnly, ID_BOTH, 0, "*", 65536).status()).isEqualTo(NtStatus.ACCESS_DENIED);
        FileId sub = f.dir("sub");
        List<DirectoryEntry> es = entries(ID_BOTH, f.list(sub, ID_BOTH, 0, "*", 65536));
        assertThat(names(es)).containsExactly(".", "..");
        assertThat(es.get(1).attributes()).contains(FileAttribute.DIRECTORY);
    }
}
