package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.smbscope.codec.fscc.DirectoryEntry;
import org.smbscope.codec.fscc.DirectoryInformation;
import org.smbscope.codec.fscc.FileInformation;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.LockRequest;
import org.smbscope.codec.smb2.QueryDirectoryResponse;
import org.smbscope.codec.smb2.QueryInfoResponse;
import org.smbscope.codec.smb2.ReadResponse;
import org.smbscope.codec.status.NtStatus;

/**
 * Alternate data streams through the disk tree handler, on both stores: Jimfs without user extended
 * attributes (the in-memory store) and the default file system (user.smbscope.stream.* attributes).
 */
class StreamsTest {
    @TempDir
    static Path tmp;
    private static int n;

    static Stream<String> stores() {
        return Stream.of("memory", "xattr");
    }

    private static FsFixture share(String store) throws Exception {
        if (store.equals("memory")) {
            return FsFixture.jimfs();
        }
        return FsFixture.onDisk(Files.createDirectories(tmp.resolve("share" + n++)), false);
    }

    private static final int RW = Access.FILE_GENERIC_READ | Access.FILE_GENERIC_WRITE;

    private static FileId open(FsFixture f, String name, int access, int share, CreateDisposition d) {
        return FsFixture.id(f.create(name, access, share, d, CreateOptions.NONE));
    }

    private static String read(FsFixture f, FileId id) {
        ReadResponse r = (ReadResponse) f.read(id, 0, 100).response();
        byte[] b = new byte[r.data().remaining()];
        r.data().get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private static List<FileInformation.Stream> streams(FsFixture f, FileId id) throws Exception {
        byte[] out = ((QueryInfoResponse) f.queryFile(id, FileInformationClass.STREAM, 65536).response()).output();
        return ((FileInformation.Streams) FileInformation.decode(FileInformationClass.STREAM, out)).streams();
    }

    private static List<String> names(FsFixture f, FileId id) throws Exception {
        return streams(f, id).stream().map(FileInformation.Stream::streamName).toList();
    }

    private static byte[] enc(FileInformation i) {
        return FileInformation.encode(i);
    }

    @ParameterizedTest
    @MethodSource("stores")
    void creatingAStreamCreatesTheFileAndKeepsItsOwnData(String store) throws Exception {
        try (FsFixture f = share(store)) {
            Outcome created = new Outcome(f.create("s.txt:Stream One", RW, 0, CreateDisposition.CREATE,
                    CreateOptions.NONE));
            assertThat(created.status()).isEqualTo(NtStatus.SUCCESS);
            FileId s = created.id();
            assertThat(f.write(s, 0, "test data").status()).isEqualTo(NtStatus.SUCCESS);
            assertThat(f.write(s, 5, "MORE DATA ").status()).isEqualTo(NtStatus.SUCCESS);
            assertThat(read(f, s)).isEqualTo("test MORE DATA ");
            f.close(s);
            FileId base = f.file("s.txt");
            f.write(base, 0, "main");
            assertThat(read(f, base)).isEqualTo("main");
            assertThat(streams(f, base)).containsExactly(new FileInformation.Stream("::$DATA", 4, 4096),
                    new FileInformation.Stream(":Stream One:$DATA", 15, 4096));
            f.close(base);
            FileId again = open(f, "S.TXT:STREAM ONE:$data", RW, 7, CreateDisposition.OPEN);
            assertThat(read(f, again)).isEqualTo("test MORE DATA ");
            assertThat(f.queryFile(again, FileInformationClass.STANDARD, 100).status()).isEqualTo(NtStatus.SUCCESS);
            FileInformation.Standard st = (FileInformation.Standard) FileInformation.decode(
                    FileInformationClass.STANDARD,
                    ((QueryInfoResponse) f.queryFile(again, FileInformationClass.STANDARD, 100).response()).output());
            assertThat(st.endOfFile()).isEqualTo(15);
            f.close(again);
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void listingsNeverShowStreams(String store) throws Exception {
        try (FsFixture f = share(store)) {
            f.close(open(f, "a.txt:hidden", RW, 7, CreateDisposition.CREATE));
            FileId root = f.dir("");
            QueryDirectoryResponse r = (QueryDirectoryResponse) f.list(root, FileInformationClass.NAMES, 0, "*",
                    65536).response();
            assertThat(DirectoryInformation.decode(FileInformationClass.NAMES, r.output()))
                    .extracting(DirectoryEntry::fileName).containsExactlyInAnyOrder(".", "..", "a.txt");
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void dispositionsApplyToTheStream(String store) throws Exception {
        try (FsFixture f = share(store)) {
            f.close(open(f, "d.txt:s", RW, 7, CreateDisposition.CREATE));
            assertThat(f.create("d.txt:s", RW, 7, CreateDisposition.CREATE, CreateOptions.NONE).status())
                    .isEqualTo(NtStatus.OBJECT_NAME_COLLISION);
            assertThat(f.create("d.txt:other", RW, 7, CreateDisposition.OPEN, CreateOptions.NONE).status())
                    .isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
            assertThat(f.create("missing.txt:s", RW, 7, CreateDisposition.OPEN, CreateOptions.NONE).status())
                    .isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
            FileId s = open(f, "d.txt:s", RW, 7, CreateDisposition.OPEN);
            f.write(s, 0, "data");
            f.close(s);
            FileId o = open(f, "d.txt:s", RW, 7, CreateDisposition.OVERWRITE_IF);
            assertThat(f.read(o, 0, 10).status()).isEqualTo(NtStatus.END_OF_FILE);
            f.close(o);
            // overwriting the file itself drops its named streams, so none may be open
            FileId held = open(f, "d.txt:s", RW, 7, CreateDisposition.OPEN);
            assertThat(f.create("d.txt", RW, 7, CreateDisposition.OVERWRITE_IF, CreateOptions.NONE).status())
                    .isEqualTo(NtStatus.SHARING_VIOLATION);
            f.close(held);
            FileId base = open(f, "d.txt", RW, 7, CreateDisposition.OVERWRITE_IF);
            assertThat(names(f, base)).containsExactly("::$DATA");
            f.close(base);
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void shareModesAreKeptPerStream(String store) throws Exception {
        try (FsFixture f = share(store)) {
            FileId one = open(f, "m.txt:one", Access.WRITE_DATA, 0, CreateDisposition.CREATE);
            FileId two = open(f, "m.txt:two", Access.WRITE_DATA, 0, CreateDisposition.CREATE);
            assertThat(f.create("m.txt:ONE", Access.WRITE_DATA, 0, CreateDisposition.OPEN, CreateOptions.NONE)
                    .status()).isEqualTo(NtStatus.SHARING_VIOLATION);
            // the file itself may be opened for data, not for delete
            f.close(open(f, "m.txt", Access.WRITE_DATA, 0, CreateDisposition.OPEN));
            assertThat(f.create("m.txt", Access.DELETE, 7, CreateDisposition.OPEN, CreateOptions.NONE).status())
                    .isEqualTo(NtStatus.SHARING_VIOLATION);
            f.close(one);
            f.close(two);
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void deletingTheFileWaitsForItsOpenStreams(String store) throws Exception {
        try (FsFixture f = share(store)) {
            FileId s = open(f, "x.txt:s", RW, 7, CreateDisposition.CREATE);
            f.write(s, 0, "still here");
            FileId del = FsFixture.id(f.create("x.txt", Access.DELETE, 7, CreateDisposition.OPEN,
                    CreateOptions.DELETE_ON_CLOSE));
            f.close(del);
            assertThat(read(f, s)).isEqualTo("still here");
            assertThat(f.create("x.txt", RW, 7, CreateDisposition.OPEN_IF, CreateOptions.NONE).status())
                    .isEqualTo(NtStatus.DELETE_PENDING);
            assertThat(f.create("x.txt:s", RW, 7, CreateDisposition.OPEN_IF, CreateOptions.NONE).status())
                    .isEqualTo(NtStatus.DELETE_PENDING);
            f.close(s);
            assertThat(f.create("x.txt", RW, 7, CreateDisposition.OPEN, CreateOptions.NONE).status())
                    .isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
            // a new file of the same name starts without streams
            FileId fresh = open(f, "x.txt", RW, 7, CreateDisposition.CREATE);
            assertThat(names(f, fresh)).containsExactly("::$DATA");
            f.close(fresh);
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aStreamIsDeletedOnCloseOrByDisposition(String store) throws Exception {
        try (FsFixture f = share(store)) {
            f.close(open(f, "y.txt:a", RW, 7, CreateDisposition.CREATE));
            f.close(open(f, "y.txt:b", RW, 7, CreateDisposition.CREATE));
            f.close(FsFixture.id(f.create("y.txt:a", RW | Access.DELETE, 7, CreateDisposition.OPEN,
                    CreateOptions.DELETE_ON_CLOSE)));
            FileId b = open(f, "y.txt:b", RW | Access.DELETE, 7, CreateDisposition.OPEN);
            assertThat(f.setFile(b, FileInformationClass.DISPOSITION, enc(new FileInformation.Disposition(true)))
                    .status()).isEqualTo(NtStatus.SUCCESS);
            f.close(b);
            FileId base = f.file("y.txt");
            assertThat(names(f, base)).containsExactly("::$DATA");
            f.close(base);
            assertThat(f.create("y.txt:a", RW, 7, CreateDisposition.OPEN, CreateOptions.NONE).status())
                    .isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void renamingAStream(String store) throws Exception {
        try (FsFixture f = share(store)) {
            f.close(open(f, "r.txt:taken", RW, 7, CreateDisposition.CREATE));
            FileId s = open(f, "r.txt:before", RW | Access.DELETE, 7, CreateDisposition.CREATE);
            f.write(s, 0, "payload");
            assertThat(rename(f, s, ":after:$DATA", false)).isEqualTo(NtStatus.SUCCESS);
            assertThat(rename(f, s, ":taken", false)).isEqualTo(NtStatus.OBJECT_NAME_COLLISION);
            assertThat(rename(f, s, "other.txt", false)).isEqualTo(NtStatus.INVALID_PARAMETER);
            assertThat(rename(f, s, "r.txt:taken", true)).isEqualTo(NtStatus.SHARING_VIOLATION);
            assertThat(rename(f, s, ":bad:$FOO", false)).isEqualTo(NtStatus.OBJECT_NAME_INVALID);
            assertThat(read(f, s)).isEqualTo("payload");
            FileId base = f.file("r.txt");
            assertThat(names(f, base)).containsExactlyInAnyOrder("::$DATA", ":taken:$DATA", ":after:$DATA");
            // a file whose stream is open is not renamed
            assertThat(rename(f, base, "moved.txt", false)).isEqualTo(NtStatus.ACCESS_DENIED);
            f.close(s);
            assertThat(rename(f, base, "moved.txt", false)).isEqualTo(NtStatus.SUCCESS);
            FileId moved = open(f, "moved.txt:AFTER", RW, 7, CreateDisposition.OPEN);
            assertThat(read(f, moved)).isEqualTo("payload");
            f.close(moved);
            f.close(base);
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aDirectoryIsRenamedWithAStreamOfItOpen(String store) throws Exception {
        try (FsFixture f = share(store)) {
            f.close(FsFixture.id(f.create("d", Access.FILE_GENERIC_READ, 7, CreateDisposition.CREATE,
                    CreateOptions.DIRECTORY_FILE)));
            FileId s = open(f, "d:a stream:$DATA", RW, 7, CreateDisposition.OPEN_IF);
            f.write(s, 0, "kept");
            FileId d = FsFixture.id(f.create("d", Access.FILE_GENERIC_READ | Access.DELETE, 7, CreateDisposition.OPEN,
                    CreateOptions.DIRECTORY_FILE));
            assertThat(rename(f, d, "e", false)).isEqualTo(NtStatus.SUCCESS);
            f.close(d);
            assertThat(read(f, s)).isEqualTo("kept");
            f.close(s);
            FileId again = open(f, "e:a stream", RW, 7, CreateDisposition.OPEN);
            assertThat(read(f, again)).isEqualTo("kept");
            f.close(again);
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aStreamRenamedOntoTheDefaultStreamBecomesTheFilesData(String store) throws Exception {
        try (FsFixture f = share(store)) {
            FileId s = open(f, "z.txt:s", RW | Access.DELETE, 7, CreateDisposition.CREATE);
            f.write(s, 0, "stream bytes");
            assertThat(rename(f, s, "::$DATA", false)).isEqualTo(NtStatus.OBJECT_NAME_COLLISION);
            assertThat(rename(f, s, "::$DATA", true)).isEqualTo(NtStatus.SUCCESS);
            assertThat(read(f, s)).isEqualTo("stream bytes");
            f.close(s);
            FileId base = f.file("z.txt");
            assertThat(read(f, base)).isEqualTo("stream bytes");
            assertThat(names(f, base)).containsExactly("::$DATA");
            f.close(base);
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aShortBufferGetsTheStreamsThatFitWhole(String store) throws Exception {
        try (FsFixture f = share(store)) {
            f.close(open(f, "l.txt:first", RW, 7, CreateDisposition.CREATE));
            f.close(open(f, "l.txt:second", RW, 7, CreateDisposition.CREATE));
            FileId base = f.file("l.txt");
            // "::$DATA" takes 24 + 14 = 38 bytes, padded to 40; ":first:$DATA" 24 + 24 = 48, ":second:$DATA" 50
            var d = f.queryFile(base, FileInformationClass.STREAM, 100);
            assertThat(d.status()).isEqualTo(NtStatus.BUFFER_OVERFLOW);
            byte[] out = ((QueryInfoResponse) d.response()).output();
            assertThat(out.length).isIn(88, 90);
            List<String> got = ((FileInformation.Streams) FileInformation.decode(FileInformationClass.STREAM, out))
                    .streams().stream().map(FileInformation.Stream::streamName).toList();
            assertThat(got).hasSize(2).startsWith("::$DATA");
            assertThat(got.get(1)).isIn(":first:$DATA", ":second:$DATA");
            assertThat(f.queryFile(base, FileInformationClass.STREAM, 34).status())
                    .isEqualTo(NtStatus.BUFFER_OVERFLOW);
            f.close(base);
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void watchersSeeStreamsComeChangeAndGo(String store) throws Exception {
        try (FsFixture f = share(store)) {
            f.close(f.file("w.txt"));
            FileId root = f.dir("");
            int streams = NotifyRegistry.STREAM_NAME | NotifyRegistry.STREAM_SIZE | NotifyRegistry.STREAM_WRITE;
            var watch = (org.smbscope.server.tree.Outcome.Pending) f.handle(
                    new org.smbscope.codec.smb2.ChangeNotifyRequest(0, 4096, root, streams));
            FileId s = open(f, "w.txt:s", RW | Access.DELETE, 7, CreateDisposition.CREATE);
            f.write(s, 0, "x");
            f.setFile(s, FileInformationClass.DISPOSITION, enc(new FileInformation.Disposition(true)));
            f.close(s);
            var first = watch.completion().get(5, java.util.concurrent.TimeUnit.SECONDS);
            List<org.smbscope.codec.fscc.FileNotifyInformation> seen = new java.util.ArrayList<>(
                    org.smbscope.codec.fscc.FileNotifyInformation.decode(
                            ((org.smbscope.codec.smb2.ChangeNotifyResponse) first.response()).output()));
            var rest = f.done(new org.smbscope.codec.smb2.ChangeNotifyRequest(0, 4096, root, streams));
            if (rest.status().equals(NtStatus.SUCCESS)) {
                seen.addAll(org.smbscope.codec.fscc.FileNotifyInformation.decode(
                        ((org.smbscope.codec.smb2.ChangeNotifyResponse) rest.response()).output()));
            }
            assertThat(seen).containsExactly(
                    new org.smbscope.codec.fscc.FileNotifyInformation(6, "w.txt:s"),
                    new org.smbscope.codec.fscc.FileNotifyInformation(8, "w.txt:s"),
                    new org.smbscope.codec.fscc.FileNotifyInformation(7, "w.txt:s"));
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void byteRangeLocksArePerStream(String store) throws Exception {
        try (FsFixture f = share(store)) {
            FileId base = f.file("k.txt");
            f.write(base, 0, "0123456789");
            FileId s1 = open(f, "k.txt:s", RW, 7, CreateDisposition.CREATE);
            f.write(s1, 0, "abcdefghij");
            FileId s2 = open(f, "k.txt:s", RW, 7, CreateDisposition.OPEN);
            // exclusive lock of bytes 0..9 of the stream
            int exclusive = LockRequest.EXCLUSIVE_LOCK | LockRequest.FAIL_IMMEDIATELY;
            assertThat(f.status(new LockRequest(0, s1, List.of(new LockRequest.Element(0, 10, exclusive)))))
                    .isEqualTo(NtStatus.SUCCESS);
            assertThat(f.read(base, 0, 10).status()).isEqualTo(NtStatus.SUCCESS);
            assertThat(f.write(base, 0, "x").status()).isEqualTo(NtStatus.SUCCESS);
            assertThat(f.read(s2, 0, 10).status()).isEqualTo(NtStatus.FILE_LOCK_CONFLICT);
            assertThat(f.write(s2, 0, "x").status()).isEqualTo(NtStatus.FILE_LOCK_CONFLICT);
            f.close(s1);
            assertThat(f.read(s2, 0, 10).status()).isEqualTo(NtStatus.SUCCESS);
            f.close(s2);
            f.close(base);
        }
    }

    private static NtStatus rename(FsFixture f, FileId id, String to, boolean replace) {
        return f.setFile(id, FileInformationClass.RENAME, enc(new FileInformation.Rename(replace, 0, to))).status();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void endOfFileOfAStream(String store) throws Exception {
        try (FsFixture f = share(store)) {
            FileId s = open(f, "e.txt:s", RW, 7, CreateDisposition.CREATE);
            f.write(s, 0, "0123456789");
            f.setFile(s, FileInformationClass.END_OF_FILE,
                    enc(new FileInformation.Value(FileInformationClass.END_OF_FILE, 4)));
            assertThat(read(f, s)).isEqualTo("0123");
            f.setFile(s, FileInformationClass.END_OF_FILE,
                    enc(new FileInformation.Value(FileInformationClass.END_OF_FILE, 6)));
            assertThat(read(f, s)).isEqualTo("0123\0\0");
            f.close(s);
            FileId base = f.file("e.txt");
            assertThat(streams(f, base)).contains(new FileInformation.Stream(":s:$DATA", 6, 4096));
            f.close(base);
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void directoriesHaveNamedStreamsButNoDataStream(String store) throws Exception {
        try (FsFixture f = share(store)) {
            f.close(f.dir("dir"));
            assertThat(f.create("dir::$DATA", Access.WRITE_DATA, 0, CreateDisposition.OPEN,
                    CreateOptions.DIRECTORY_FILE).status()).isEqualTo(NtStatus.NOT_A_DIRECTORY);
            assertThat(f.create("dir::$DATA", Access.WRITE_DATA, 0, CreateDisposition.OPEN, CreateOptions.NONE)
                    .status()).isEqualTo(NtStatus.FILE_IS_A_DIRECTORY);
            assertThat(f.create("dir\\new.txt:s", Access.WRITE_DATA, 0, CreateDisposition.CREATE,
                    CreateOptions.DIRECTORY_FILE).status()).isEqualTo(NtStatus.NOT_A_DIRECTORY);
            FileId d = f.dir("dir");
            assertThat(names(f, d)).isEmpty();
            FileId s = open(f, "dir:notes", RW, 7, CreateDisposition.CREATE);
            f.write(s, 0, "on a directory");
            assertThat(names(f, d)).containsExactly(":notes:$DATA");
            f.close(s);
            f.close(d);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"f.txt:", "f.txt:s:", "f.txt:s:$FOO", "f.txt::$INDEX_ALLOCATION", "f.txt:..\\..\\x",
        "f.txt:../x", "dir:s\\inner.txt", "f*.txt:s", "..\\f.txt:s"})
    void hostileOrInvalidNamesCreateNothing(String name) throws Exception {
        try (FsFixture f = share("xattr")) {
            NtStatus st = f.create(name, RW, 7, CreateDisposition.OPEN_IF, CreateOptions.NONE).status();
            assertThat(st).as(name).isIn(NtStatus.OBJECT_NAME_INVALID, NtStatus.OBJECT_PATH_SYNTAX_BAD);
            try (var files = Files.list(f.root)) {
                assertThat(files).as(name).isEmpty();
            }
            assertThat(Files.exists(tmp.resolve("x"))).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aStreamTooLargeForItsStoreIsDiskFull(String store) throws Exception {
        try (FsFixture f = share(store)) {
            FileId s = open(f, "big.txt:s", RW, 7, CreateDisposition.CREATE);
            assertThat(f.write(s, StreamStore.MAX_SIZE, "x").status()).isEqualTo(NtStatus.DISK_FULL);
            f.close(s);
        }
    }

    /** A CREATE's status and file id. */
    private record Outcome(org.smbscope.server.tree.Outcome.Done done) {
        NtStatus status() {
            return done.status();
        }

        FileId id() {
            return ((CreateResponse) done.response()).fileId();
        }
    }
}
