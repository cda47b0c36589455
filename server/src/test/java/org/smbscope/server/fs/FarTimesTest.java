package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.dtyp.FileTime;

/** Last write times after 2262 kept beside the clamped one java.nio sets (smb2.timestamps.time_t_*). */
class FarTimesTest {
    @Test
    void keptWhileTheFileSystemHoldsTheClampedTime() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.unix().toBuilder()
                .setAttributeViews("basic", "user").build())) {
            Path p = Files.createFile(fs.getPath("/f"));
            FileTime asked = FileTime.of(Instant.ofEpochSecond(15032385535L));
            assertThat(FarTimes.beyond(asked)).isTrue();
            assertThat(FarTimes.beyond(FileTime.of(Instant.ofEpochSecond(4294967295L)))).isFalse();
            // what java.nio leaves on a real file system: the last instant it can express
            Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.from(FarTimes.LIMIT));
            FarTimes.write(p, asked);
            FileTime held = FileFacts.time(Files.getLastModifiedTime(p));
            assertThat(FarTimes.read(p, held)).isEqualTo(asked);
            assertThat(FileFacts.read(p, false, true).lastWriteTime()).isEqualTo(asked);
            assertThat(FileFacts.read(p, false, true).changeTime()).isEqualTo(asked);
            // a later write moves the file system's time: the far time is forgotten
            Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
            assertThat(FileFacts.read(p, false, true).lastWriteTime())
                    .isEqualTo(FileTime.of(Instant.parse("2026-01-01T00:00:00Z")));
        }
    }
}
