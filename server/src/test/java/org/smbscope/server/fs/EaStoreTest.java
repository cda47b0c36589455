package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.fscc.FullEa;
import org.smbscope.codec.status.NtStatus;

/** The EA store with user extended attributes (Jimfs "user" view) and without (the in-memory fallback). */
class EaStoreTest {
    private static FileSystem fs(boolean xattrs) {
        Configuration.Builder b = Configuration.unix().toBuilder();
        return Jimfs.newFileSystem((xattrs ? b.setAttributeViews("basic", "user") : b.setAttributeViews("basic")).build());
    }

    @Test
    void eaSizeIsKeptUntilTheStoreChangesIt() throws Exception {
        // Jimfs's unix view keeps a file's ctime as it was: only the store's own forgetting makes a change visible
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setAttributeViews("basic", "posix", "unix", "user").build())) {
            Path p = Files.createFile(fs.getPath("/f"));
            EaStore s = new EaStore(new MetaCache());
            assertThat(s.eaSize(p, FileFacts.stat(p))).isZero();
            s.apply(p, List.of(FullEa.of("A", "1")));
            assertThat(s.eaSize(p, FileFacts.stat(p))).isEqualTo(12); // 8 + 1 + NUL + 1, rounded up to 4
            // behind the store's back, with the change time as it was: the kept size holds, a fresh listing sees both
            Files.getFileAttributeView(p, UserDefinedFileAttributeView.class)
                    .write(EaStore.PREFIX + "B", java.nio.ByteBuffer.wrap(new byte[] {1}));
            assertThat(s.eaSize(p, FileFacts.stat(p))).isEqualTo(12);
            assertThat(s.eaSize(p)).isEqualTo(24);
            s.apply(p, List.of(FullEa.of("C", "1")));
            assertThat(s.eaSize(p, FileFacts.stat(p))).isEqualTo(36);
        }
    }

    private static void roundTrip(boolean xattrs) throws Exception {
        try (FileSystem fs = fs(xattrs)) {
            Path p = Files.createFile(fs.getPath("/f"));
            EaStore s = new EaStore();
            assertThat(s.read(p)).isEmpty();
            assertThat(s.eaSize(p)).isZero();
            s.apply(p, List.of(FullEa.of("eaOne", "VALUE1"), FullEa.of("Second EA", "ValueTwo"),
                    FullEa.of("t\u00e9st", "x")));
            assertThat(s.read(p)).containsExactly(FullEa.of("EAONE", "VALUE1"), FullEa.of("SECOND EA", "ValueTwo"),
                    FullEa.of("T\u00e9ST", "x"));
            assertThat(s.get(p, "second ea")).isEqualTo(FullEa.of("SECOND EA", "ValueTwo"));
            // 8 + name + NUL + value, each rounded up to 4
            assertThat(s.eaSize(p)).isEqualTo(20 + 28 + 16);
            s.apply(p, List.of(FullEa.of("EAONE", ""), FullEa.of("second ea", "changed")));
            assertThat(s.read(p)).containsExactly(FullEa.of("SECOND EA", "changed"), FullEa.of("T\u00e9ST", "x"));
            s.clear(p);
            assertThat(s.read(p)).isEmpty();
        }
    }

    @Test
    void keptInUserExtendedAttributes() throws Exception {
        roundTrip(true);
        try (FileSystem fs = fs(true)) {
            Path p = Files.createFile(fs.getPath("/f"));
            new EaStore().apply(p, List.of(FullEa.of("a:b".replace(':', '.'), "1"), FullEa.of("x%y", "2")));
            assertThat(Files.getFileAttributeView(p, UserDefinedFileAttributeView.class).list())
                    .containsExactlyInAnyOrder("smbscope.ea.A.B", "smbscope.ea.X%25Y");
            // another store (a restarted server) reads them back
            assertThat(new EaStore().read(p)).extracting(FullEa::name).containsExactly("A.B", "X%Y");
        }
    }

    @Test
    void keptInMemoryWithoutExtendedAttributes() throws Exception {
        roundTrip(false);
        try (FileSystem fs = fs(false)) {
            Path p = Files.createFile(fs.getPath("/f"));
            EaStore s = new EaStore();
            s.apply(p, List.of(FullEa.of("A", "1")));
            s.forget(p);
            assertThat(s.read(p)).isEmpty();
        }
    }

    @Test
    void invalidNamesChangeNothing() throws Exception {
        try (FileSystem fs = fs(true)) {
            Path p = Files.createFile(fs.getPath("/f"));
            EaStore s = new EaStore();
            for (String bad : new String[] {"", "a:b", "a*", "a\u0001", "a\\b", "a|b", "a\"b", "[x]"}) {
                assertThatThrownBy(() -> s.apply(p, List.of(FullEa.of("GOOD", "1"), FullEa.of(bad, "v"))))
                        .as(bad).isInstanceOfSatisfying(Failure.class,
                                f -> assertThat(f.status()).isEqualTo(NtStatus.INVALID_EA_NAME));
            }
            assertThat(s.read(p)).isEmpty();
            s.apply(p, List.of(FullEa.of(".CLASSINFO", "1"), FullEa.of("1st EA", "2"), FullEa.of("\u00ff", "3")));
            assertThat(s.read(p)).hasSize(3);
        }
    }

    @Test
    void aFullAttributeSpaceChangesNothing(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path p = Files.createFile(tmp.resolve("f"));
        EaStore s = new EaStore();
        byte[] big = new byte[3000];
        java.util.Arrays.fill(big, (byte) 'a');
        s.apply(p, List.of(new FullEa(0, "ONE", big)));
        try {
            s.apply(p, List.of(FullEa.of("ONE", "small"), new FullEa(0, "TWO", big), new FullEa(0, "THREE", big)));
            assertThat(s.read(p)).hasSize(3); // a file system with room for them
        } catch (Failure f) {
            // ext4 keeps all of a file's attributes in one block: the change is undone
            assertThat(f.status()).isEqualTo(NtStatus.EA_TOO_LARGE);
            assertThat(s.read(p)).containsExactly(new FullEa(0, "ONE", big));
        }
    }

    @Test
    void escapingRoundTrips() {
        for (String n : new String[] {"ABC", "A B", "%", "\u00e9\u00ff", ".X_-9"}) {
            assertThat(EaStore.unescape(EaStore.escape(n))).isEqualTo(n);
        }
        assertThat(EaStore.unescape("%4")).isNull();
        assertThat(EaStore.unescape("%zz")).isNull();
    }
}
