package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.fscc.FileInformation;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.smb2.CloseRequest;
import org.smbscope.codec.smb2.CloseResponse;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.QueryInfoResponse;
import org.smbscope.codec.smb2.SetInfoRequest;
import org.smbscope.codec.smb2.WriteRequest;
import org.smbscope.server.share.ShareRoot;
import org.smbscope.server.tree.Outcome;

/** The delayed write-time update, with a clock the test moves. */
class WriteTimesTest {
    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-01-02T03:04:05Z");

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final MovingClock clock = new MovingClock();

    private long writeTime(DiskTreeHandler h, FileId id) throws Exception {
        Outcome.Done d = (Outcome.Done) h.handle(FsFixture.CTX, QueryInfoRequest.of(InfoType.FILE, 4, id, 100));
        return ((FileInformation.Basic) FileInformation.decode(FileInformationClass.BASIC,
                ((QueryInfoResponse) d.response()).output())).lastWriteTime().value();
    }

    @Test
    void firstWriteShowsTwoSecondsLaterAndCloseSettles() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.windows())) {
            Path root = Files.createDirectories(fs.getPath("C:\\s"));
            Path file = Files.writeString(root.resolve("f"), "x");
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.from(clock.now.minusSeconds(60)));
            DiskTreeHandler h = new DiskTreeHandler(ShareRoot.of(root), false, clock);
            CreateRequest cr = FsFixture.createRequest("f", Access.FILE_GENERIC_READ | Access.FILE_GENERIC_WRITE, 7,
                    CreateDisposition.OPEN, CreateOptions.NONE);
            FileId id = ((CreateResponse) ((Outcome.Done) h.handle(FsFixture.CTX, cr)).response()).fileId();
            long before = writeTime(h, id);
            h.handle(FsFixture.CTX, WriteRequest.of(id, 0, java.nio.ByteBuffer.wrap(new byte[] {1})));
            assertThat(writeTime(h, id)).as("not at once").isEqualTo(before);
            clock.now = clock.now.plus(Duration.ofSeconds(3));
            long updated = writeTime(h, id);
            assertThat(updated).isEqualTo(FileTime.of(clock.now.minusSeconds(1)).value());
            clock.now = clock.now.plusSeconds(1);
            h.handle(FsFixture.CTX, WriteRequest.of(id, 1, java.nio.ByteBuffer.wrap(new byte[] {2})));
            assertThat(writeTime(h, id)).as("a second write changes nothing").isEqualTo(updated);
            clock.now = clock.now.plusSeconds(5);
            assertThat(writeTime(h, id)).isEqualTo(updated);
            Outcome.Done c = (Outcome.Done) h.handle(FsFixture.CTX, new CloseRequest(CloseRequest.POSTQUERY_ATTRIB, id));
            assertThat(((CloseResponse) c.response()).lastWriteTime().value())
                    .as("close after a write since the update").isEqualTo(FileTime.of(clock.now).value());
            h.close();
        }
    }

    @Test
    void anExplicitWriteTimeSticks() throws Exception {
        try (FileSystem fs = Jimfs.newFileSystem(Configuration.windows())) {
            Path root = Files.createDirectories(fs.getPath("C:\\s"));
            Files.writeString(root.resolve("f"), "x");
            DiskTreeHandler h = new DiskTreeHandler(ShareRoot.of(root), false, clock);
            CreateRequest cr = FsFixture.createRequest("f", Access.FILE_GENERIC_READ | Access.FILE_GENERIC_WRITE, 7,
                    CreateDisposition.OPEN, CreateOptions.NONE);
            FileId id = ((CreateResponse) ((Outcome.Done) h.handle(FsFixture.CTX, cr)).response()).fileId();
            FileTime set = FileTime.of(Instant.parse("2020-01-01T00:00:00Z"));
            h.handle(FsFixture.CTX, new SetInfoRequest(InfoType.FILE, 4, FileInformation.encode(
                    new FileInformation.Basic(FileTime.ZERO, FileTime.ZERO, set, FileTime.ZERO, Set.of())), 0, id));
            h.handle(FsFixture.CTX, WriteRequest.of(id, 0, java.nio.ByteBuffer.wrap(new byte[] {1})));
            clock.now = clock.now.plusSeconds(10);
            assertThat(writeTime(h, id)).isEqualTo(set.value());
            Outcome.Done c = (Outcome.Done) h.handle(FsFixture.CTX, new CloseRequest(CloseRequest.POSTQUERY_ATTRIB, id));
            assertThat(((CloseResponse) c.response()).lastWriteTime()).isEqualTo(set);
            h.close();
        }
    }
}
