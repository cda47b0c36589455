package org.smbscope.server.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamNameTest {
    @Test
    void aNameWithoutColonIsTheFileItself() throws Exception {
        assertThat(StreamName.parse("dir\\file.txt")).isEqualTo(new StreamName("dir\\file.txt", null, false));
        assertThat(StreamName.hasStream("dir\\file.txt")).isFalse();
    }

    @Test
    void namedStreamsWithAndWithoutTheType() throws Exception {
        assertThat(StreamName.parse("f.txt:Stream One")).isEqualTo(new StreamName("f.txt", "Stream One", false));
        assertThat(StreamName.parse("f.txt:Stream One:$DATA")).isEqualTo(new StreamName("f.txt", "Stream One", false));
        assertThat(StreamName.parse("d\\f.txt:Second Stream:$DaTa"))
                .isEqualTo(new StreamName("d\\f.txt", "Second Stream", false));
        assertThat(StreamName.parse("f.txt:x").named()).isTrue();
    }

    @Test
    void theDefaultStreamByName() throws Exception {
        assertThat(StreamName.parse("f.txt::$DATA")).isEqualTo(new StreamName("f.txt", null, true));
        assertThat(StreamName.parse("f.txt::$data").named()).isFalse();
    }

    @Test
    void streamsOfTheRootAndRenameTargetsHaveAnEmptyBase() throws Exception {
        assertThat(StreamName.parse(":AfterRename:$DATA")).isEqualTo(new StreamName("", "AfterRename", false));
        assertThat(StreamName.parse("::$DATA")).isEqualTo(new StreamName("", null, true));
    }

    @Test
    void namesMayHoldWildcardsControlCharactersAndDots() throws Exception {
        // smbtorture smb2.streams.names / names2: every byte 0x01..0x7e but '/', ':' and '\' is a valid name
        for (char c = 1; c < 0x7f; c++) {
            String path = "f.txt:Stream" + c + "0x:$DATA";
            if (c == '/' || c == ':' || c == '\\') {
                invalid(path);
            } else {
                assertThat(StreamName.parse(path).stream()).isEqualTo("Stream" + c + "0x");
            }
        }
        assertThat(StreamName.parse("f:?Stream*").stream()).isEqualTo("?Stream*");
        assertThat(StreamName.parse("f:\u0005Stream\n One").stream()).isEqualTo("\u0005Stream\n One");
        assertThat(StreamName.parse("f:..").stream()).isEqualTo("..");
        assertThat(StreamName.parse("f:\u00e9t\u00e9").stream()).isEqualTo("\u00e9t\u00e9");
    }

    @ParameterizedTest
    @ValueSource(strings = {"f.txt:", "f.txt:s:", "f.txt:s:$FOO", "f.txt:s:?D*a", "f.txt:s:$DATA:x",
        "f.txt::", "f.txt::$FOO", "f.txt::$INDEX_ALLOCATION", "dir:s\\file", "dir::$DATA\\file", "f:..\\..\\etc",
        "f:../../etc", "f:a/b", "f:a\u0000b", "dir\\:s", "f:a:b:$DATA"})
    void invalidForms(String name) {
        invalid(name);
    }

    @Test
    void namesAreLimitedTo255Characters() throws Exception {
        assertThat(StreamName.parse("f:" + "a".repeat(255)).stream()).hasSize(255);
        invalid("f:" + "a".repeat(256));
    }

    @Test
    void keysIgnoreCase() {
        assertThat(StreamName.key("Second Stream")).isEqualTo(StreamName.key("SECOND STREAM"));
        assertThat(StreamName.key("\u00e9")).isEqualTo(StreamName.key("\u00c9"));
    }

    @Test
    void theBaseStillGoesThroughTheShareRoot() throws Exception {
        // the file part keeps every refusal of ShareRoot: a stream never helps a name out of the share
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("streamname");
        try {
            ShareRoot root = ShareRoot.of(dir);
            for (String hostile : new String[] {"..\\x:s", "sub\\stream*:s:$DATA", "C:\\Windows", "CON:s",
                "\\\\host\\share:s"}) {
                String base = parseOrNull(hostile);
                if (base != null) {
                    assertThatThrownBy(() -> root.resolve(base)).as(hostile).isInstanceOf(PathRefusal.class);
                }
            }
        } finally {
            java.nio.file.Files.delete(dir);
        }
    }

    private static String parseOrNull(String name) {
        try {
            return StreamName.parse(name).base();
        } catch (PathRefusal r) {
            return null;
        }
    }

    private static void invalid(String name) {
        assertThatThrownBy(() -> StreamName.parse(name)).as(name).isInstanceOf(PathRefusal.class)
                .extracting(e -> ((PathRefusal) e).status()).isEqualTo(PathRefusal.OBJECT_NAME_INVALID);
    }
}
