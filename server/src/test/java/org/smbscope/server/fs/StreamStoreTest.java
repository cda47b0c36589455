package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.smbscope.codec.status.NtStatus;

class StreamStoreTest {
    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"Stream One", "?Stream*", "\u0005Stream\n One", "100%", "%41", "\u00e9t\u00e9 \u65e5\u672c",
        "..", "a.b;c", "$DATA", "\ud83d\ude00"})
    void attributeNamesArePlainAsciiAndDecodeBack(String name) {
        String a = StreamStore.attribute(name);
        assertThat(a).startsWith(StreamStore.PREFIX);
        assertThat(a.chars()).allMatch(c -> c > 0x20 && c < 0x7f);
        assertThat(StreamStore.decode(a.substring(StreamStore.PREFIX.length()))).isEqualTo(name);
    }

    @Test
    void spellingsOfTheEncoding() {
        assertThat(StreamStore.attribute("Stream One")).isEqualTo("smbscope.stream.Stream%20One");
        assertThat(StreamStore.attribute("a%b")).isEqualTo("smbscope.stream.a%25b");
        assertThat(StreamStore.attribute("\n")).isEqualTo("smbscope.stream.%0A");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "%", "%4", "%zz", "a b", "a\u00e9", "a%5Cb", "%2F", "a%3Ab", "%00"})
    void foreignAttributeNamesAreNotStreams(String suffix) {
        assertThat(StreamStore.decode(suffix)).isNull();
    }

    @Test
    void onDiskStreamsAreUserExtendedAttributes() throws Exception {
        Path file = Files.writeString(tmp.resolve("f.txt"), "main");
        UserDefinedFileAttributeView v = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        StreamStore s = new StreamStore();
        s.write(file, "Stream One", "payload".getBytes(StandardCharsets.UTF_8));
        assertThat(v.list()).contains("smbscope.stream.Stream%20One");
        exercise(s, file);
        assertThat(v.list()).noneMatch(a -> a.startsWith(StreamStore.PREFIX));
    }

    @Test
    void jimfsWithUserAttributesKeepsThemThere() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setAttributeViews("basic", "user").build())) {
            Path file = Files.writeString(fs.getPath("/f.txt"), "main");
            StreamStore s = new StreamStore();
            s.write(file, "Stream One", "payload".getBytes(StandardCharsets.UTF_8));
            assertThat(Files.getFileAttributeView(file, UserDefinedFileAttributeView.class).list())
                    .contains("smbscope.stream.Stream%20One");
            exercise(s, file);
        }
    }

    @Test
    void withoutUserAttributesStreamsLiveInMemoryUntilForgotten() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path file = Files.writeString(fs.getPath("/f.txt"), "main");
            StreamStore s = new StreamStore();
            s.write(file, "Stream One", "payload".getBytes(StandardCharsets.UTF_8));
            exercise(s, file);
            s.write(file, "x", new byte[3]);
            s.forget(file);
            assertThat(s.list(file)).isEmpty();
        }
    }

    /** Starts with stream "Stream One" = "payload"; ends with no streams. */
    private static void exercise(StreamStore s, Path file) throws Exception {
        assertThat(s.find(file, "STREAM ONE")).isEqualTo("Stream One");
        assertThat(s.find(file, "other")).isNull();
        assertThat(new String(s.read(file, "Stream One"), StandardCharsets.UTF_8)).isEqualTo("payload");
        assertThatThrownBy(() -> s.read(file, "other")).isInstanceOf(NoSuchFileException.class);
        s.write(file, "Second", new byte[0]);
        assertThat(s.list(file)).containsExactlyInAnyOrder(new StreamStore.Entry("Stream One", 7),
                new StreamStore.Entry("Second", 0));
        s.rename(file, "Stream One", "Renamed");
        assertThat(s.list(file)).containsExactlyInAnyOrder(new StreamStore.Entry("Renamed", 7),
                new StreamStore.Entry("Second", 0));
        s.rename(file, "Renamed", "SECOND");
        assertThat(s.list(file)).containsExactly(new StreamStore.Entry("SECOND", 7));
        s.delete(file, "nothing");
        s.deleteAll(file);
        assertThat(s.list(file)).isEmpty();
        assertThat(Files.readString(file)).isEqualTo("main");
    }

    @Test
    void aStreamThatCannotFitIsDiskFull() throws Exception {
        Path file = Files.writeString(tmp.resolve("big.txt"), "");
        StreamStore s = new StreamStore();
        assertThatThrownBy(() -> s.write(file, "s", new byte[StreamStore.MAX_SIZE + 1]))
                .isInstanceOfSatisfying(java.io.IOException.class,
                        e -> assertThat(IoStatus.of(e)).isEqualTo(NtStatus.DISK_FULL));
        if (Files.getFileStore(file).type().equals("ext4")) {
            // ext4 keeps all of an inode's attributes in one block
            assertThatThrownBy(() -> s.write(file, "s", new byte[8192]))
                    .isInstanceOfSatisfying(java.io.IOException.class,
                            e -> assertThat(IoStatus.of(e)).isEqualTo(NtStatus.DISK_FULL));
        }
    }

    @Test
    void memoryHoldsAtMostItsLimit() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            Path file = Files.createFile(fs.getPath("/many"));
            StreamStore s = new StreamStore();
            int fits = (int) (StreamStore.MEMORY_LIMIT / (StreamStore.MAX_SIZE + 256));
            for (int i = 0; i < fits; i++) {
                s.write(file, "s" + i, new byte[StreamStore.MAX_SIZE]);
            }
            assertThatThrownBy(() -> s.write(file, "one more", new byte[StreamStore.MAX_SIZE]))
                    .isInstanceOfSatisfying(java.io.IOException.class,
                            e -> assertThat(IoStatus.of(e)).isEqualTo(NtStatus.DISK_FULL));
            s.delete(file, "s0");
            s.write(file, "one more", new byte[StreamStore.MAX_SIZE]);
            s.forget(file);
            s.write(Files.createFile(fs.getPath("/next")), "s", new byte[StreamStore.MAX_SIZE]);
        }
    }

    @Test
    void longNamesDoNotFitAnAttributeName() throws Exception {
        Path file = Files.writeString(tmp.resolve("n.txt"), "");
        StreamStore s = new StreamStore();
        assertThat(s.nameFits(file, "a".repeat(200))).isTrue();
        assertThat(s.nameFits(file, "\u00e9".repeat(200))).isFalse();
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix())) {
            assertThat(s.nameFits(Files.createFile(fs.getPath("/x")), "\u00e9".repeat(255))).isTrue();
        }
    }
}
