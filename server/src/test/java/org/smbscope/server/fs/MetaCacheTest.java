package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.fscc.FileInformation;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.QueryInfoResponse;
import org.smbscope.codec.smb2.SetInfoRequest;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;

/** The cache of extended attribute values: hits, change times, forgetting, bounds, and a share that relies on it. */
class MetaCacheTest {
    private FileSystem fs;
    private Path p;

    @BeforeEach
    void setUp() throws Exception {
        fs = Jimfs.newFileSystem(Configuration.unix().toBuilder().setAttributeViews("basic", "owner", "posix", "unix")
                .build());
        p = Files.writeString(fs.getPath("/f"), "x");
    }

    @AfterEach
    void tearDown() throws Exception {
        fs.close();
    }

    private static FileFacts.Stat stat(Object key, long ctime) {
        java.nio.file.attribute.FileTime t = java.nio.file.attribute.FileTime.fromMillis(0);
        return new FileFacts.Stat(false, 1, t, t, t, key, 1, 1, false, ctime);
    }

    /** A loader that counts its calls and answers {@code value}. */
    private static <T> Supplier<T> counting(AtomicInteger calls, T value) {
        return () -> {
            calls.incrementAndGet();
            return value;
        };
    }

    @Test
    void aKeptValueIsReadOnceWhileTheChangeTimeStays() {
        MetaCache c = new MetaCache();
        AtomicInteger loads = new AtomicInteger();
        assertThat(c.get(p, stat("k", 5), MetaCache.DOS, counting(loads, 0x20))).isEqualTo(0x20);
        assertThat(c.get(p, stat("k", 5), MetaCache.DOS, counting(loads, 0x20))).isEqualTo(0x20);
        assertThat(loads).hasValue(1);
        // another change time: read again, and that value is kept
        assertThat(c.get(p, stat("k", 6), MetaCache.DOS, counting(loads, 0x2))).isEqualTo(0x2);
        assertThat(c.get(p, stat("k", 6), MetaCache.DOS, counting(loads, 0x2))).isEqualTo(0x2);
        assertThat(loads).hasValue(2);
        // each attribute is read on its own
        assertThat(c.<Long>get(p, stat("k", 6), MetaCache.BIRTH, counting(loads, 7L))).isEqualTo(7L);
        assertThat(loads).hasValue(3);
    }

    @Test
    void anAbsentAttributeIsKeptAsAbsent() {
        MetaCache c = new MetaCache();
        AtomicInteger loads = new AtomicInteger();
        assertThat(c.<byte[]>get(p, stat("k", 1), MetaCache.SD, counting(loads, null))).isNull();
        assertThat(c.<byte[]>get(p, stat("k", 1), MetaCache.SD, counting(loads, new byte[] {1}))).isNull();
        assertThat(loads).hasValue(1);
    }

    @Test
    void aForgottenFileIsReadAgain() {
        MetaCache c = new MetaCache();
        AtomicInteger loads = new AtomicInteger();
        c.get(p, stat("k", 1), MetaCache.DOS, counting(loads, 1));
        c.get(p, stat("other", 1), MetaCache.DOS, counting(loads, 1));
        c.forget(fs, "k");
        assertThat(c.get(p, stat("k", 1), MetaCache.DOS, counting(loads, 2))).isEqualTo(2);
        assertThat(c.get(p, stat("other", 1), MetaCache.DOS, counting(loads, 3))).isEqualTo(1);
        assertThat(loads).hasValue(3);
        // the same key on another file system is another file
        try (FileSystem other = Jimfs.newFileSystem(Configuration.unix())) {
            c.forget(other, "k");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(c.get(p, stat("k", 1), MetaCache.DOS, counting(loads, 4))).isEqualTo(2);
    }

    @Test
    void aValueReadWhileAFileWasForgottenIsNotKept() {
        MetaCache c = new MetaCache();
        AtomicInteger loads = new AtomicInteger();
        // the change lands while the old value is being read: that value must not stay
        assertThat(c.get(p, stat("k", 1), MetaCache.DOS, () -> {
            loads.incrementAndGet();
            c.forget(fs, "k");
            return 1;
        })).isEqualTo(1);
        assertThat(c.get(p, stat("k", 1), MetaCache.DOS, counting(loads, 2))).isEqualTo(2);
        assertThat(loads).hasValue(2);
    }

    @Test
    void withoutAKeyOrAChangeTimeOrForALinkEveryCallReads() {
        MetaCache c = new MetaCache();
        AtomicInteger loads = new AtomicInteger();
        c.get(p, stat(null, 1), MetaCache.DOS, counting(loads, 1));
        c.get(p, stat(null, 1), MetaCache.DOS, counting(loads, 1));
        c.get(p, stat("k", FileFacts.Stat.UNKNOWN), MetaCache.DOS, counting(loads, 1));
        c.get(p, stat("k", FileFacts.Stat.UNKNOWN), MetaCache.DOS, counting(loads, 1));
        c.get(p, null, MetaCache.DOS, counting(loads, 1));
        java.nio.file.attribute.FileTime t = java.nio.file.attribute.FileTime.fromMillis(0);
        FileFacts.Stat link = new FileFacts.Stat(false, 1, t, t, t, "k", 1, 1, true, 1);
        c.get(p, link, MetaCache.DOS, counting(loads, 1));
        c.get(p, link, MetaCache.DOS, counting(loads, 1));
        assertThat(loads).hasValue(7);
        assertThat(c.size()).isZero();
    }

    @Test
    void theLeastRecentlyUsedFileGoesFirst() {
        MetaCache c = new MetaCache(2);
        AtomicInteger loads = new AtomicInteger();
        c.get(p, stat("a", 1), MetaCache.DOS, counting(loads, 1));
        c.get(p, stat("b", 1), MetaCache.DOS, counting(loads, 1));
        c.get(p, stat("a", 1), MetaCache.DOS, counting(loads, 1)); // a used last
        c.get(p, stat("c", 1), MetaCache.DOS, counting(loads, 1)); // b goes
        assertThat(c.size()).isEqualTo(2);
        assertThat(loads).hasValue(3);
        c.get(p, stat("a", 1), MetaCache.DOS, counting(loads, 1));
        assertThat(loads).hasValue(3);
        c.get(p, stat("b", 1), MetaCache.DOS, counting(loads, 1));
        assertThat(loads).hasValue(4);
    }

    @Test
    void primedValuesAnswerWithoutAReadAndACarryMovesThemToTheNewChangeTime() {
        MetaCache c = new MetaCache();
        AtomicInteger loads = new AtomicInteger();
        c.prime(fs, "k", 5, MetaCache.ABSENT, 0x20, 7L, null);
        assertThat(c.<byte[]>get(p, stat("k", 5), MetaCache.SD, counting(loads, new byte[] {1}))).isNull();
        assertThat(c.get(p, stat("k", 5), MetaCache.DOS, counting(loads, 1))).isEqualTo(0x20);
        assertThat(c.<Long>get(p, stat("k", 5), MetaCache.BIRTH, counting(loads, 1L))).isEqualTo(7L);
        assertThat(loads).hasValue(0);
        assertThat(c.get(p, stat("k", 5), MetaCache.EA_SIZE, counting(loads, 0))).isEqualTo(0); // not primed: read
        assertThat(loads).hasValue(1);
        c.carry(fs, "k", 5, 9);
        assertThat(c.get(p, stat("k", 9), MetaCache.DOS, counting(loads, 1))).isEqualTo(0x20);
        assertThat(c.get(p, stat("k", 9), MetaCache.EA_SIZE, counting(loads, 1))).isEqualTo(0);
        assertThat(loads).hasValue(1);
    }

    @Test
    void aCarryFromAnotherChangeTimeMovesNothing() {
        MetaCache c = new MetaCache();
        AtomicInteger loads = new AtomicInteger();
        c.prime(fs, "k", 5, null, 0x20, null, null);
        // somebody looked after another change: the values read then are as of 7, not of the open's 5
        assertThat(c.get(p, stat("k", 7), MetaCache.DOS, counting(loads, 0x2))).isEqualTo(0x2);
        c.carry(fs, "k", 5, 9);
        assertThat(c.get(p, stat("k", 9), MetaCache.DOS, counting(loads, 0x4))).isEqualTo(0x4);
        assertThat(loads).hasValue(2);
        c.carry(fs, "gone", 5, 9); // nothing kept: nothing to move
        assertThat(c.size()).isEqualTo(1);
    }

    @Test
    void aFileCreatedAndWrittenThroughTheServerIsListedWithoutReadingItsAttributes(@org.junit.jupiter.api.io.TempDir
            Path dir) throws Exception {
        try (FsFixture f = FsFixture.onDisk(dir, false)) {
            FileId a = f.file("new.txt");
            assertThat(f.write(a, 0, "x".repeat(4096)).status()).isEqualTo(NtStatus.SUCCESS);
            assertThat(f.close(a)).isEqualTo(NtStatus.SUCCESS);
            Path file = dir.resolve("new.txt");
            FileFacts.Stat now = FileFacts.stat(file);
            AtomicInteger loads = new AtomicInteger();
            // the write and the write time set at close moved the change time; what the create stored still holds
            f.files.meta.get(file, now, MetaCache.DOS, counting(loads, -1));
            f.files.meta.get(file, now, MetaCache.BIRTH, counting(loads, -1L));
            f.files.meta.get(file, now, MetaCache.EA_SIZE, counting(loads, -1));
            f.files.meta.get(file, now, MetaCache.SD, counting(loads, new byte[0]));
            assertThat(loads).hasValue(0);
            // and what a listing shows is what the file holds
            FileId d = f.dir("");
            Outcome.Done listed = f.list(d, FileInformationClass.ID_BOTH_DIRECTORY, 0, "new.txt", 4096);
            assertThat(listed.status()).isEqualTo(NtStatus.SUCCESS);
        }
    }

    @Test
    void theStatTellsTheChangeTimeWhereTheFileSystemHasOne() throws Exception {
        assertThat(FileFacts.stat(p).changed()).isNotEqualTo(FileFacts.Stat.UNKNOWN);
        try (FileSystem basic = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setAttributeViews("basic").build())) {
            Path b = Files.writeString(basic.getPath("/g"), "x");
            assertThat(FileFacts.stat(b).changed()).isEqualTo(FileFacts.Stat.UNKNOWN);
        }
    }

    // a share whose file system never changes a file's ctime: only the forgetting keeps the answers right

    private static FileInformation.Basic basic(FsFixture f, FileId id) throws Exception {
        Outcome.Done d = f.queryFile(id, FileInformationClass.BASIC, 4096);
        return (FileInformation.Basic) FileInformation.decode(FileInformationClass.BASIC,
                ((QueryInfoResponse) d.response()).output());
    }

    private static String sd(FsFixture f, FileId id) {
        Outcome.Done d = f.done(new QueryInfoRequest(InfoType.SECURITY, 0, 4096, new byte[0], 7, 0, id));
        return Sddl.print(SdParts.parse(((QueryInfoResponse) d.response()).output()));
    }

    private static Set<FileAttribute> openedAttributes(FsFixture f, String name) {
        Outcome.Done d = f.create(name, Access.READ_ATTRIBUTES, 7, CreateDisposition.OPEN, CreateOptions.NONE);
        CreateResponse r = (CreateResponse) d.response();
        f.close(r.fileId());
        return r.fileAttributes();
    }

    @Test
    void changesMadeThroughTheServerAreSeenAtOnce() throws Exception {
        try (FsFixture f = FsFixture.jimfsUnix()) {
            FileId a = f.file("a.txt");
            FileTime born = basic(f, a).creationTime();
            assertThat(openedAttributes(f, "a.txt")).doesNotContain(FileAttribute.HIDDEN);
            assertThat(sd(f, a)).isEqualTo("O:ME G:DU D:(A;;0x001f01ff;;;WD)");
            FileTime when = FileTime.of(Instant.parse("2001-02-03T04:05:06Z"));
            f.setFile(a, FileInformationClass.BASIC, FileInformation.encode(new FileInformation.Basic(when,
                    FileTime.ZERO, FileTime.ZERO, FileTime.ZERO, Set.of(FileAttribute.HIDDEN))));
            assertThat(basic(f, a).creationTime()).isEqualTo(when).isNotEqualTo(born);
            assertThat(basic(f, a).attributes()).contains(FileAttribute.HIDDEN);
            assertThat(openedAttributes(f, "a.txt")).contains(FileAttribute.HIDDEN);
            int bits = SecurityDescriptors.DACL;
            FileId dac = FsFixture.id(f.create("a.txt", Access.READ_CONTROL | Access.WRITE_DAC, 7,
                    CreateDisposition.OPEN, CreateOptions.NONE));
            assertThat(f.status(new SetInfoRequest(InfoType.SECURITY, 0,
                    Sddl.parse("D:(A;;0x001200a9;;;WD)").write(bits), bits, dac))).isEqualTo(NtStatus.SUCCESS);
            assertThat(sd(f, a)).isEqualTo("O:ME G:DU D:(A;;0x001200a9;;;WD)");
            // the new descriptor decides the next open at once
            assertThat(f.create("a.txt", Access.FILE_GENERIC_WRITE, 7, CreateDisposition.OPEN, CreateOptions.NONE)
                    .status()).isEqualTo(NtStatus.ACCESS_DENIED);
            assertThat(f.status(new SetInfoRequest(InfoType.SECURITY, 0,
                    Sddl.parse("D:(A;;0x001f01ff;;;WD)").write(bits), bits, dac))).isEqualTo(NtStatus.SUCCESS);
            f.close(dac);
            // [MS-FSA] 2.1.5.1.2: overwriting a HIDDEN file must ask HIDDEN: the attribute just set decides
            assertThat(f.create("a.txt", Access.FILE_GENERIC_WRITE, 7, CreateDisposition.OVERWRITE_IF,
                    CreateOptions.NONE).status()).isEqualTo(NtStatus.ACCESS_DENIED);
            f.setFile(a, FileInformationClass.BASIC, FileInformation.encode(new FileInformation.Basic(FileTime.ZERO,
                    FileTime.ZERO, FileTime.ZERO, FileTime.ZERO, Set.of(FileAttribute.NORMAL))));
            assertThat(openedAttributes(f, "a.txt")).doesNotContain(FileAttribute.HIDDEN);
            Outcome.Done over = f.create("a.txt", Access.FILE_GENERIC_WRITE, 7, CreateDisposition.OVERWRITE_IF,
                    CreateOptions.NONE);
            assertThat(over.status()).isEqualTo(NtStatus.SUCCESS);
        }
    }

    @Test
    void attributesSetAloneAreSeenAndADeletedFileIsForgotten() throws Exception {
        try (FsFixture f = FsFixture.jimfsUnix()) {
            FileId a = f.file("b.txt");
            assertThat(openedAttributes(f, "b.txt")).doesNotContain(FileAttribute.SYSTEM);
            // attributes alone (no time set, the change time stays)
            f.setFile(a, FileInformationClass.BASIC, FileInformation.encode(new FileInformation.Basic(FileTime.ZERO,
                    FileTime.ZERO, FileTime.ZERO, FileTime.ZERO, Set.of(FileAttribute.SYSTEM))));
            assertThat(openedAttributes(f, "b.txt")).contains(FileAttribute.SYSTEM);
            f.setFile(a, FileInformationClass.DISPOSITION, FileInformation.encode(new FileInformation.Disposition(true)));
            f.close(a);
            f.close(f.file("b.txt"));
            assertThat(openedAttributes(f, "b.txt")).doesNotContain(FileAttribute.SYSTEM);
        }
    }

    @Test
    void aChangeBehindTheServersBackWithTheSameChangeTimeIsNotSeen() throws Exception {
        // what the forgetting is for: this file system keeps the change time, so the kept value stays
        try (FsFixture f = FsFixture.jimfsUnix()) {
            f.close(f.file("c.txt"));
            assertThat(openedAttributes(f, "c.txt")).doesNotContain(FileAttribute.HIDDEN);
            Files.setAttribute(f.root.resolve("c.txt"), "dos:hidden", true);
            assertThat(openedAttributes(f, "c.txt")).doesNotContain(FileAttribute.HIDDEN);
        }
    }
}
