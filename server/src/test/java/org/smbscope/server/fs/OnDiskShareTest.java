package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.smbscope.codec.fscc.DirectoryEntry;
import org.smbscope.codec.fscc.DirectoryInformation;
import org.smbscope.codec.fscc.FileInformation;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.QueryDirectoryResponse;
import org.smbscope.codec.smb2.ReadResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;

/** The default file system: symbolic links out of the share, case-insensitive names, many threads at once. */
class OnDiskShareTest {
    @TempDir
    Path tmp;

    private FsFixture share() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("share"));
        Path outside = Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.writeString(tmp.resolve("top.txt"), "top");
        Files.createSymbolicLink(root.resolve("out"), outside);
        Files.createSymbolicLink(root.resolve("toplink"), tmp.resolve("top.txt"));
        Files.createDirectories(root.resolve("Inner"));
        Files.writeString(root.resolve("Inner").resolve("Data.TXT"), "inner");
        Files.createSymbolicLink(root.resolve("innerlink"), root.resolve("Inner"));
        return FsFixture.onDisk(root, false);
    }

    @Test
    void symbolicLinksOutOfTheShareAreNeitherOpenedNorListed() throws Exception {
        try (FsFixture f = share()) {
            for (String name : new String[] {"out", "out\\secret.txt", "toplink"}) {
                assertThat(f.create(name, Access.FILE_GENERIC_READ, 7, CreateDisposition.OPEN, CreateOptions.NONE)
                        .status()).as(name).isEqualTo(NtStatus.ACCESS_DENIED);
            }
            assertThat(f.create("out\\new.txt", Access.FILE_GENERIC_WRITE, 7, CreateDisposition.CREATE,
                    CreateOptions.NONE).status()).isEqualTo(NtStatus.ACCESS_DENIED);
            assertThat(Files.exists(tmp.resolve("outside").resolve("new.txt"))).isFalse();
            FileId root = f.dir("");
            Outcome.Done d = f.list(root, FileInformationClass.ID_BOTH_DIRECTORY, 0, "*", 65536);
            List<DirectoryEntry> es = DirectoryInformation.decode(FileInformationClass.ID_BOTH_DIRECTORY,
                    ((QueryDirectoryResponse) d.response()).output());
            assertThat(es).extracting(DirectoryEntry::fileName).containsExactly(".", "..", "Inner", "innerlink");
            // a link that stays inside works
            FileId in = FsFixture.id(f.create("innerlink\\Data.TXT", Access.FILE_GENERIC_READ, 7,
                    CreateDisposition.OPEN, CreateOptions.NONE));
            assertThat(new String(((ReadResponse) f.read(in, 0, 10).response()).dataBytes(), StandardCharsets.UTF_8))
                    .isEqualTo("inner");
            // renaming into the outside through the link is refused
            FileId mine = f.file("mine.txt");
            assertThat(f.setFile(mine, FileInformationClass.RENAME,
                    FileInformation.encode(new FileInformation.Rename(false, 0, "out\\mine.txt"))).status())
                    .isEqualTo(NtStatus.ACCESS_DENIED);
        }
    }

    @Test
    void namesWindowsCannotUseAreNotListed() throws Exception {
        try (FsFixture f = share()) {
            Files.writeString(tmp.resolve("share").resolve("a:b"), "x");
            Files.writeString(tmp.resolve("share").resolve("q?"), "x");
            FileId root = f.dir("");
            Outcome.Done d = f.list(root, FileInformationClass.NAMES, 0, "*", 65536);
            List<DirectoryEntry> es = DirectoryInformation.decode(FileInformationClass.NAMES,
                    ((QueryDirectoryResponse) d.response()).output());
            assertThat(es).extracting(DirectoryEntry::fileName).doesNotContain("a:b", "q?").contains("Inner");
        }
    }

    @Test
    void namesAreFoundWhateverTheirCase() throws Exception {
        try (FsFixture f = share()) {
            Outcome.Done d = f.create("inner\\data.txt", Access.FILE_GENERIC_READ, 7, CreateDisposition.OPEN,
                    CreateOptions.NONE);
            assertThat(d.status()).isEqualTo(NtStatus.SUCCESS);
            assertThat(f.create("INNER\\DATA.TXT", Access.FILE_GENERIC_READ, 7, CreateDisposition.CREATE,
                    CreateOptions.NONE).status()).isEqualTo(NtStatus.OBJECT_NAME_COLLISION);
            FileId n = f.file("inner\\New.txt");
            f.close(n);
            assertThat(Files.exists(tmp.resolve("share").resolve("Inner").resolve("New.txt"))).isTrue();
        }
    }

    @Test
    void manyThreadsAtOnce() throws Exception {
        try (FsFixture f = share(); ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> jobs = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int n = i;
                jobs.add(ex.submit(() -> {
                    FileId id = f.file("t" + (n % 8) + ".bin");
                    String text = "job" + n;
                    boolean ok = f.write(id, n * 8L, text).status().equals(NtStatus.SUCCESS);
                    byte[] back = ((ReadResponse) f.read(id, n * 8L, text.length()).response()).dataBytes();
                    ok &= new String(back, StandardCharsets.UTF_8).equals(text);
                    ok &= f.close(id).equals(NtStatus.SUCCESS);
                    return ok;
                }));
            }
            for (Future<Boolean> j : jobs) {
                assertThat(j.get()).isTrue();
            }
            assertThat(f.handler.openCount()).isZero();
        }
    }
}
