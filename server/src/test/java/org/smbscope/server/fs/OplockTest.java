package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.jimfs.Configuration;
import com.google.common.jimfs.Jimfs;
import java.nio.ByteBuffer;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.smbscope.codec.smb2.CloseRequest;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.OplockBreak;
import org.smbscope.codec.smb2.OplockLevel;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.WriteRequest;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.share.ShareRoot;
import org.smbscope.server.tree.BreakSender;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;

/** Oplocks: grant levels, breaks on a conflicting open, acknowledgment, close, timeout, level II on write. */
class OplockTest {
    private FileSystem fs;
    private OpenFiles files;
    private DiskTreeHandler handler;
    private Path root;
    private final Client a = new Client();
    private final Client b = new Client();

    /** One client's connection: the breaks it was sent. */
    private static final class Client {
        final LinkedBlockingQueue<OplockBreak> breaks = new LinkedBlockingQueue<>();
        final RequestContext ctx = new RequestContext(Smb2Dialect.SMB_3_1_1, "alice", false, 1 << 20, 1 << 20,
                1 << 20, (id, level) -> breaks.add(new OplockBreak(level, id)));

        OplockBreak next() throws InterruptedException {
            OplockBreak b = breaks.poll(5, TimeUnit.SECONDS);
            assertThat(b).as("an oplock break").isNotNull();
            return b;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        fs = Jimfs.newFileSystem(Configuration.windows().toBuilder().setAttributeViews("basic", "dos").build());
        root = Files.createDirectories(fs.getPath("C:\\share"));
        files = new OpenFiles().breakTimeout(Duration.ofMillis(300));
        handler = new DiskTreeHandler(ShareRoot.of(root), false, FsFixture.CLOCK, files);
    }

    @AfterEach
    void tearDown() throws Exception {
        handler.close();
        fs.close();
    }

    private static CreateRequest open(String name, OplockLevel level, int access, CreateDisposition disposition) {
        CreateRequest r = FsFixture.createRequest(name, access, FsFixture.ALL_SHARE, disposition,
                CreateOptions.NON_DIRECTORY_FILE);
        return new CreateRequest(level, r.impersonationLevel(), r.desiredAccess(), r.fileAttributes(),
                r.shareAccess(), r.createDisposition(), r.createOptions(), r.name(), r.contexts());
    }

    private static final int RW = Access.FILE_GENERIC_READ | Access.FILE_GENERIC_WRITE;

    private CreateResponse created(Client c, CreateRequest r) {
        Outcome o = handler.handle(c.ctx, r);
        assertThat(o).isInstanceOf(Outcome.Done.class);
        return (CreateResponse) ((Outcome.Done) o).response();
    }

    private static Outcome.Done await(Outcome o) throws Exception {
        assertThat(o).isInstanceOf(Outcome.Pending.class);
        return ((Outcome.Pending) o).completion().get(5, TimeUnit.SECONDS);
    }

    @Test
    void theOnlyOpenGetsWhatItAsks() {
        assertThat(created(a, open("f", OplockLevel.BATCH, RW, CreateDisposition.OPEN_IF)).oplockLevel())
                .isEqualTo(OplockLevel.BATCH);
        assertThat(created(a, open("g", OplockLevel.EXCLUSIVE, RW, CreateDisposition.OPEN_IF)).oplockLevel())
                .isEqualTo(OplockLevel.EXCLUSIVE);
        assertThat(created(a, open("h", OplockLevel.LEVEL_II, RW, CreateDisposition.OPEN_IF)).oplockLevel())
                .isEqualTo(OplockLevel.LEVEL_II);
        assertThat(created(a, open("l", OplockLevel.LEASE, RW, CreateDisposition.OPEN_IF)).oplockLevel())
                .isEqualTo(OplockLevel.NONE);
    }

    @Test
    void aCallerThatCannotReceiveBreaksGetsNone() {
        Outcome.Done d = (Outcome.Done) handler.handle(FsFixture.CTX,
                open("f", OplockLevel.BATCH, RW, CreateDisposition.OPEN_IF));
        assertThat(((CreateResponse) d.response()).oplockLevel()).isEqualTo(OplockLevel.NONE);
    }

    @Test
    void aSecondOpenGetsLevelIIWhenTheFirstHoldsNone() {
        created(a, open("f", OplockLevel.NONE, RW, CreateDisposition.OPEN_IF));
        assertThat(created(b, open("f", OplockLevel.BATCH, RW, CreateDisposition.OPEN)).oplockLevel())
                .isEqualTo(OplockLevel.LEVEL_II);
        assertThat(a.breaks).isEmpty();
    }

    @Test
    void aConflictingOpenBreaksBatchToLevelIIAndWaitsForTheAcknowledgment() throws Exception {
        FileId held = created(a, open("f", OplockLevel.BATCH, RW, CreateDisposition.OPEN_IF)).fileId();
        Outcome second = handler.handle(b.ctx, open("f", OplockLevel.BATCH, RW, CreateDisposition.OPEN));
        assertThat(second).isInstanceOf(Outcome.Pending.class);
        assertThat(a.next()).isEqualTo(new OplockBreak(OplockLevel.LEVEL_II, held));
        assertThat(((Outcome.Pending) second).completion()).isNotDone();

        Outcome.Done ack = (Outcome.Done) handler.handle(a.ctx, new OplockBreak(OplockLevel.LEVEL_II, held));
        assertThat(ack.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(ack.response()).isEqualTo(new OplockBreak(OplockLevel.LEVEL_II, held));

        Outcome.Done done = await(second);
        assertThat(done.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(((CreateResponse) done.response()).oplockLevel()).isEqualTo(OplockLevel.LEVEL_II);
    }

    @Test
    void anOverwriteBreaksToNone() throws Exception {
        FileId held = created(a, open("f", OplockLevel.EXCLUSIVE, RW, CreateDisposition.OPEN_IF)).fileId();
        Outcome second = handler.handle(b.ctx, open("f", OplockLevel.NONE, RW, CreateDisposition.OVERWRITE_IF));
        assertThat(a.next()).isEqualTo(new OplockBreak(OplockLevel.NONE, held));
        Outcome.Done bad = (Outcome.Done) handler.handle(a.ctx, new OplockBreak(OplockLevel.LEVEL_II, held));
        assertThat(bad.status()).isEqualTo(Oplocks.INVALID_OPLOCK_PROTOCOL);
        assertThat(await(second).status()).isEqualTo(NtStatus.SUCCESS);
    }

    @Test
    void closingTheHolderReleasesTheWaitingCreate() throws Exception {
        FileId held = created(a, open("f", OplockLevel.BATCH, RW, CreateDisposition.OPEN_IF)).fileId();
        Outcome second = handler.handle(b.ctx, open("f", OplockLevel.BATCH, RW, CreateDisposition.OPEN));
        a.next();
        assertThat(((Outcome.Done) handler.handle(a.ctx, new CloseRequest(0, held))).status())
                .isEqualTo(NtStatus.SUCCESS);
        Outcome.Done done = await(second);
        assertThat(((CreateResponse) done.response()).oplockLevel()).isEqualTo(OplockLevel.BATCH);
        assertThat(((Outcome.Done) handler.handle(a.ctx, new OplockBreak(OplockLevel.NONE, held))).status())
                .isEqualTo(NtStatus.FILE_CLOSED);
    }

    @Test
    void noAcknowledgmentTimesOut() throws Exception {
        FileId held = created(a, open("f", OplockLevel.BATCH, RW, CreateDisposition.OPEN_IF)).fileId();
        long start = System.nanoTime();
        Outcome second = handler.handle(b.ctx, open("f", OplockLevel.NONE, RW, CreateDisposition.OPEN));
        a.next();
        assertThat(await(second).status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(250).toNanos());
        // the break is over: a late acknowledgment is refused
        assertThat(((Outcome.Done) handler.handle(a.ctx, new OplockBreak(OplockLevel.NONE, held))).status())
                .isEqualTo(NtStatus.INVALID_DEVICE_STATE);
    }

    @Test
    void aSecondOpenOnTheSameConnectionGoesOnAfterTheTimeout() throws Exception {
        CreateRequest all = new CreateRequest(OplockLevel.BATCH, new org.smbscope.codec.smb2.ImpersonationLevel(0),
                new org.smbscope.codec.smb2.AccessMask(0x1F01FF), java.util.Set.of(),
                new org.smbscope.codec.smb2.ShareAccess(7), CreateDisposition.OPEN_IF, CreateOptions.NONE,
                "f", List.of());
        created(a, all);
        Outcome second = handler.handle(a.ctx, all);
        assertThat(a.next().oplockLevel()).isEqualTo(OplockLevel.LEVEL_II);
        Outcome.Done d = await(second);
        assertThat(d.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(((CreateResponse) d.response()).oplockLevel()).isEqualTo(OplockLevel.LEVEL_II);
    }

    @Test
    void aStatOpenBreaksNothing() {
        created(a, open("f", OplockLevel.BATCH, RW, CreateDisposition.OPEN_IF));
        Outcome o = handler.handle(b.ctx, open("f", OplockLevel.NONE, 0x80, CreateDisposition.OPEN));
        assertThat(o).isInstanceOf(Outcome.Done.class);
        assertThat(a.breaks).isEmpty();
    }

    @Test
    void aRenameByPathBreaksNoOplockAndNeedsNoDeleteOnItsOpen() {
        FileId held = created(a, open("f", OplockLevel.EXCLUSIVE, RW | Access.DELETE, CreateDisposition.OPEN_IF))
                .fileId();
        byte[] info = org.smbscope.codec.fscc.FileInformation.encode(
                new org.smbscope.codec.fscc.FileInformation.Rename(false, 0, "g"));
        Outcome.Done d = handler.renameByPath(b.ctx, open("f", OplockLevel.NONE, 0x180, CreateDisposition.OPEN), info);
        assertThat(d.status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(a.breaks).isEmpty();
        assertThat(Files.exists(root.resolve("g"))).isTrue();
        assertThat(handler.handle(a.ctx, new CloseRequest(0, held))).isInstanceOf(Outcome.Done.class);
    }

    @Test
    void aWriteBreaksEveryLevelIIHolderToNoneWithoutWaiting() throws Exception {
        FileId first = created(a, open("f", OplockLevel.LEVEL_II, RW, CreateDisposition.OPEN_IF)).fileId();
        FileId second = created(b, open("f", OplockLevel.LEVEL_II, RW, CreateDisposition.OPEN)).fileId();
        Outcome w = handler.handle(b.ctx, new WriteRequest(0, second, 0, 0, 0,
                ByteBuffer.wrap(new byte[] {1, 2, 3})));
        assertThat(((Outcome.Done) w).status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(a.next()).isEqualTo(new OplockBreak(OplockLevel.NONE, first));
        assertThat(b.next()).isEqualTo(new OplockBreak(OplockLevel.NONE, second));
        // a break from level II takes no acknowledgment
        assertThat(((Outcome.Done) handler.handle(a.ctx, new OplockBreak(OplockLevel.NONE, first))).status())
                .isEqualTo(Oplocks.INVALID_OPLOCK_PROTOCOL);
    }

    @Test
    void cancellingTheWaitingCreateAnswersCancelled() throws Exception {
        created(a, open("f", OplockLevel.BATCH, RW, CreateDisposition.OPEN_IF));
        Outcome second = handler.handle(b.ctx, open("f", OplockLevel.NONE, RW, CreateDisposition.OPEN));
        ((Outcome.Pending) second).cancel().run();
        assertThat(await(second).status()).isEqualTo(NtStatus.CANCELLED);
        Thread.sleep(500); // the break times out; the cancelled create leaves no open behind
        assertThat(List.of(files.size())).containsExactly(1);
    }
}
