package org.smbscope.server.share;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShareRootTest {
    @TempDir
    Path dir;

    @Test
    void resolvesInsideAJimfsWindowsShare() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.windows())) {
            Path share = Files.createDirectories(fs.getPath("C:\\shares\\data"));
            Files.createDirectories(share.resolve("Sub"));
            ShareRoot r = ShareRoot.of(share);
            assertThat(r.resolve("")).isEqualTo(share);
            assertThat(r.resolve("Sub\\File.txt")).isEqualTo(share.resolve("Sub").resolve("File.txt"));
            assertThat(r.resolve("\\Sub")).isEqualTo(share.resolve("Sub"));
            assertThat(r.smbName(share.resolve("Sub").resolve("a"))).isEqualTo("Sub\\a");
            refused(r, "..\\x", PathRefusal.OBJECT_PATH_SYNTAX_BAD);
            refused(r, "Sub\\..\\..\\x", PathRefusal.OBJECT_PATH_SYNTAX_BAD);
            refused(r, "C:\\Windows", PathRefusal.OBJECT_NAME_INVALID);
            refused(r, "\\\\server\\share", PathRefusal.OBJECT_NAME_INVALID);
            refused(r, "file.txt:secret", PathRefusal.OBJECT_NAME_INVALID);
            refused(r, "a/b", PathRefusal.OBJECT_NAME_INVALID);
            for (String dev : new String[] {"CON", "nul", "COM1", "LPT1.txt", "AUX", "PRN"}) {
                refused(r, "Sub\\" + dev, PathRefusal.OBJECT_NAME_INVALID);
            }
        }
    }

    @Test
    void refusesSymlinksOutOnTheDefaultFileSystem() throws Exception {
        Path share = Files.createDirectories(dir.resolve("share"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "x");
        Files.createSymbolicLink(share.resolve("out"), outside);
        Files.createDirectories(share.resolve("in"));
        Files.createSymbolicLink(share.resolve("inlink"), share.resolve("in"));
        ShareRoot r = ShareRoot.of(share);
        refused(r, "out", PathRefusal.ACCESS_DENIED);
        refused(r, "out\\secret", PathRefusal.ACCESS_DENIED);
        refused(r, "out\\new", PathRefusal.ACCESS_DENIED);
        assertThat(r.resolve("inlink\\new")).isEqualTo(share.resolve("inlink").resolve("new"));
    }

    private static void refused(ShareRoot r, String p, int status) {
        assertThatThrownBy(() -> r.resolve(p)).isInstanceOf(PathRefusal.class)
                .satisfies(e -> assertThat(((PathRefusal) e).status()).as(p).isEqualTo(status));
    }
}
