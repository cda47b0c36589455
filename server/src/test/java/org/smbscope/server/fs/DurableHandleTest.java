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
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.smb2.CloseRequest;
import org.smbscope.codec.smb2.CreateAction;
import org.smbscope.codec.smb2.CreateContext;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.OplockLevel;
import org.smbscope.codec.smb2.ReadRequest;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;
import org.smbscope.server.share.ShareRoot;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;

/**
 * Durable handles ([MS-SMB2] 3.3.5.9.6-3.3.5.9.12, 3.3.7.1): granted with a batch oplock only, kept when the
 * connection goes, reclaimed from another tree by the same user, expired by the scavenger on an injected
 * clock, purged by a conflicting open, replayed by CreateGuid.
 */
class DurableHandleTest {
    private static final int RW = Access.FILE_GENERIC_READ | Access.FILE_GENERIC_WRITE;
    private static final Guid CLIENT = Guid.parse("11111111-2222-3333-4444-555555555555");
    private static final Guid CREATE_GUID = Guid.parse("aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-01-02T03:04:05Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
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
    private FileSystem fs;
    private Path root;
    private OpenFiles files;
    private DiskTreeHandler first;
    private DiskTreeHandler second;

    @BeforeEach
    void setUp() throws Exception {
        fs = Jimfs.newFileSystem(Configuration.windows().toBuilder().setAttributeViews("basic", "dos").build());
        root = Files.createDirectories(fs.getPath("C:\\share"));
        files = new OpenFiles().breakTimeout(Duration.ofMillis(300));
        first = new DiskTreeHandler(ShareRoot.of(root), false, clock, files);
        second = new DiskTreeHandler(ShareRoot.of(root), false, clock, files);
    }

    @AfterEach
    void tearDown() throws Exception {
        first.close();
        second.close();
        fs.close();
    }

    private static RequestContext ctx(String user, boolean replay) {
        return new RequestContext(Smb2Dialect.SMB_3_1_1, user, false, 1 << 20, 1 << 20, 1 << 20,
                (id, level) -> true, CLIENT, replay);
    }

    private static final RequestContext ALICE = ctx("alice", false);

    private static CreateRequest open(String name, OplockLevel level, CreateContext... contexts) {
        return new CreateRequest(level, new org.smbscope.codec.smb2.ImpersonationLevel(2),
                new org.smbscope.codec.smb2.AccessMask(RW), java.util.Set.of(), new org.smbscope.codec.smb2.ShareAccess(0),
                CreateDisposition.OPEN_IF, CreateOptions.NON_DIRECTORY_FILE, name, List.of(contexts));
    }

    private static CreateContext dhnq() {
        return new CreateContext(CreateContext.DURABLE_HANDLE_REQUEST, new byte[16]);
    }

    private static CreateContext dhnc(FileId id) {
        return new CreateContext(CreateContext.DURABLE_HANDLE_RECONNECT,
                new WireWriter().u64le(id.persistent()).u64le(id.volatileId()).toByteArray());
    }

    private static CreateContext dh2q(long timeout, Guid createGuid) {
        WireWriter w = new WireWriter().u32le(timeout).u32le(0).u64le(0);
        createGuid.write(w);
        return new CreateContext(CreateContext.DURABLE_HANDLE_REQUEST_V2, w.toByteArray());
    }

    private static CreateContext dh2c(FileId id, Guid createGuid) {
        WireWriter w = new WireWriter().u64le(id.persistent()).u64le(id.volatileId());
        createGuid.write(w);
        w.u32le(0);
        return new CreateContext(CreateContext.DURABLE_HANDLE_RECONNECT_V2, w.toByteArray());
    }

    private static Outcome.Done done(Outcome o) {
        assertThat(o).isInstanceOf(Outcome.Done.class);
        return (Outcome.Done) o;
    }

    private static CreateResponse created(Outcome o) {
        Outcome.Done d = done(o);
        assertThat(d.status()).isEqualTo(NtStatus.SUCCESS);
        return (CreateResponse) d.response();
    }

    private static CreateContext context(CreateResponse r, String name) {
        return r.contexts().stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    private FileId durableOpen(String name) {
        CreateResponse r = created(first.handle(ALICE, open(name, OplockLevel.BATCH, dhnq())));
        assertThat(context(r, CreateContext.DURABLE_HANDLE_REQUEST)).isNotNull();
        return r.fileId();
    }

    @Test
    void grantedWithABatchOplockOnly() {
        CreateResponse none = created(first.handle(ALICE, open("a", OplockLevel.NONE, dhnq())));
        assertThat(context(none, CreateContext.DURABLE_HANDLE_REQUEST)).isNull();
        CreateResponse levelII = created(first.handle(ALICE, open("b", OplockLevel.LEVEL_II, dhnq())));
        assertThat(context(levelII, CreateContext.DURABLE_HANDLE_REQUEST)).isNull();
        CreateResponse batch = created(first.handle(ALICE, open("c", OplockLevel.BATCH, dhnq())));
        assertThat(batch.oplockLevel()).isEqualTo(OplockLevel.BATCH);
        assertThat(context(batch, CreateContext.DURABLE_HANDLE_REQUEST).data()).hasSize(8);
        assertThat(files.durableCount()).isEqualTo(1);
    }

    @Test
    void aLostConnectionKeepsTheOpenForAReconnectFromAnotherTree() {
        FileId id = durableOpen("f");
        first.disconnect();
        assertThat(first.openCount()).isZero();
        assertThat(files.size()).as("still open").isEqualTo(1);
        // share mode kept: a conflicting open purges it only because it holds a batch oplock (see below)
        assertThat(done(second.handle(ALICE, ReadRequest.of(id, 0, 1))).status())
                .isEqualTo(NtStatus.FILE_CLOSED);

        CreateResponse back = created(second.handle(ALICE, open("ignored", OplockLevel.NONE, dhnc(id))));
        assertThat(back.fileId()).isEqualTo(id);
        assertThat(back.createAction()).isEqualTo(CreateAction.OPENED);
        assertThat(back.oplockLevel()).isEqualTo(OplockLevel.BATCH);
        assertThat(back.contexts()).as("no durable response on a reconnect").isEmpty();
        assertThat(second.openCount()).isEqualTo(1);
        assertThat(done(second.handle(ALICE, new CloseRequest(id))).status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(files.size()).isZero();
        assertThat(files.durableCount()).isZero();
    }

    @Test
    void reconnectFailures() {
        FileId id = durableOpen("f");
        assertThat(done(second.handle(ALICE, open("f", OplockLevel.NONE, dhnc(id)))).status())
                .as("still connected").isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
        first.disconnect();
        assertThat(done(second.handle(ALICE, open("f", OplockLevel.NONE, dhnc(new FileId(99, 99))))).status())
                .isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
        assertThat(done(second.handle(ctx("bob", false), open("f", OplockLevel.NONE, dhnc(id)))).status())
                .as("another user").isEqualTo(NtStatus.ACCESS_DENIED);
        assertThat(done(second.handle(ALICE, open("f", OplockLevel.NONE, dh2c(id, CREATE_GUID)))).status())
                .as("a v1 open has no CreateGuid").isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
        assertThat(done(second.handle(ALICE, open("f", OplockLevel.NONE, dhnc(id), dh2c(id, Guid.ZERO)))).status())
                .isEqualTo(NtStatus.INVALID_PARAMETER);
        assertThat(created(second.handle(ALICE, open("f", OplockLevel.NONE, dh2c(id, Guid.ZERO)))).fileId())
                .isEqualTo(id);
    }

    @Test
    void aReconnectFromAnotherConnectionWaitsForTheOldOneToLetGo() throws Exception {
        FileId id = durableOpen("f");
        org.smbscope.server.tree.BreakSender other = (fileId, level) -> fileId != null; // another connection's
        RequestContext newConnection = new RequestContext(Smb2Dialect.SMB_3_1_1, "alice", false, 1 << 20, 1 << 20,
                1 << 20, other, CLIENT, false);
        Thread dropping = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(100); // the old connection's reader sees the end of its socket a moment later
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            first.disconnect();
        });
        CreateResponse back = created(second.handle(newConnection, open("ignored", OplockLevel.NONE, dhnc(id))));
        dropping.join();
        assertThat(back.fileId()).isEqualTo(id);
        assertThat(second.openCount()).isEqualTo(1);
    }

    @Test
    void theScavengerClosesItOnceItsTimeoutHasPassed() {
        FileId id = durableOpen("f");
        first.disconnect();
        clock.now = clock.now.plusSeconds(59);
        assertThat(second.scavenge()).isZero();
        clock.now = clock.now.plusSeconds(2);
        assertThat(second.scavenge()).isEqualTo(1);
        assertThat(files.size()).isZero();
        assertThat(done(second.handle(ALICE, open("f", OplockLevel.NONE, dhnc(id)))).status())
                .isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
    }

    @Test
    void aReclaimedOpenDoesNotExpire() {
        FileId id = durableOpen("f");
        first.disconnect();
        created(second.handle(ALICE, open("f", OplockLevel.NONE, dhnc(id))));
        clock.now = clock.now.plusSeconds(3600);
        assertThat(second.scavenge()).isZero();
        assertThat(second.openCount()).isEqualTo(1);
    }

    @Test
    void aConflictingOpenPurgesADisconnectedDurableOpen() {
        FileId id = durableOpen("f");
        first.disconnect();
        CreateResponse other = created(second.handle(ALICE, open("f", OplockLevel.BATCH, dhnq())));
        assertThat(other.createAction()).isEqualTo(CreateAction.OPENED);
        assertThat(other.oplockLevel()).isEqualTo(OplockLevel.BATCH);
        assertThat(done(second.handle(ALICE, open("f", OplockLevel.NONE, dhnc(id)))).status())
                .isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
    }

    @Test
    void aDeleteOnCloseOpenPurgedDeletesTheFile() throws Exception {
        CreateRequest r = open("d", OplockLevel.BATCH, dhnq());
        CreateRequest doc = new CreateRequest(r.oplockLevel(), r.impersonationLevel(),
                new org.smbscope.codec.smb2.AccessMask(RW | Access.DELETE), r.fileAttributes(), r.shareAccess(),
                r.createDisposition(), CreateOptions.of(CreateOptions.NON_DIRECTORY_FILE, CreateOptions.DELETE_ON_CLOSE),
                r.name(), r.contexts());
        created(first.handle(ALICE, doc));
        first.disconnect();
        assertThat(Files.exists(root.resolve("d"))).isTrue();
        CreateResponse again = created(second.handle(ALICE, open("d", OplockLevel.BATCH)));
        assertThat(again.createAction()).as("created anew").isEqualTo(CreateAction.CREATED);
    }

    @Test
    void v2TimeoutIsCappedAndAReplayAnswersTheSameOpen() {
        CreateResponse r = created(first.handle(ALICE, open("v", OplockLevel.BATCH, dh2q(0xFFFFFFFFL, CREATE_GUID))));
        CreateContext v2 = context(r, CreateContext.DURABLE_HANDLE_REQUEST_V2);
        assertThat(v2.data()).containsExactly(0xe0, 0x93, 0x04, 0, 0, 0, 0, 0); // 300000 ms, not persistent
        CreateResponse replay = created(first.handle(ctx("alice", true),
                open("v", OplockLevel.BATCH, dh2q(0xFFFFFFFFL, CREATE_GUID))));
        assertThat(replay.fileId()).isEqualTo(r.fileId());
        assertThat(first.openCount()).isEqualTo(1);

        first.disconnect();
        assertThat(done(second.handle(ALICE, open("v", OplockLevel.NONE, dh2c(r.fileId(), Guid.ZERO)))).status())
                .isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
        assertThat(created(second.handle(ALICE, open("v", OplockLevel.NONE, dh2c(r.fileId(), CREATE_GUID))))
                .fileId()).isEqualTo(r.fileId());
        // a v2 open may be reclaimed with DHnC too (smbtorture durable-v2-open.reopen2b)
    }

    @Test
    void v2DefaultTimeoutAndForbiddenMixes() {
        CreateResponse r = created(first.handle(ALICE, open("v", OplockLevel.BATCH, dh2q(0, CREATE_GUID))));
        assertThat(context(r, CreateContext.DURABLE_HANDLE_REQUEST_V2).data())
                .containsExactly(0x60, 0xea, 0, 0, 0, 0, 0, 0); // 60000 ms
        assertThat(done(first.handle(ALICE, open("w", OplockLevel.BATCH, dh2q(0, CREATE_GUID), dhnq()))).status())
                .isEqualTo(NtStatus.INVALID_PARAMETER);
        assertThat(done(first.handle(ALICE, open("w", OplockLevel.BATCH,
                new CreateContext(CreateContext.DURABLE_HANDLE_REQUEST, new byte[3])))).status())
                .isEqualTo(NtStatus.INVALID_PARAMETER);
    }

    @Test
    void aCreateGuidInUseIsRefusedWithoutTheReplayFlag() {
        created(first.handle(ALICE, open("v", OplockLevel.BATCH, dh2q(0, CREATE_GUID))));
        assertThat(done(first.handle(ALICE, open("w", OplockLevel.BATCH, dh2q(0, CREATE_GUID)))).status().value())
                .isEqualTo(0xC000022A); // STATUS_DUPLICATE_OBJECTID
    }

    @Test
    void aReplayAskingAnotherOplockLevelGetsNoneAndNoDurableContext() {
        CreateResponse r = created(first.handle(ALICE, open("v", OplockLevel.BATCH, dh2q(0, CREATE_GUID))));
        CreateResponse replay = created(first.handle(ctx("alice", true),
                open("v", OplockLevel.NONE, dh2q(0, CREATE_GUID))));
        assertThat(replay.fileId()).isEqualTo(r.fileId());
        assertThat(replay.createAction()).as("the original action").isEqualTo(CreateAction.CREATED);
        assertThat(replay.oplockLevel()).isEqualTo(OplockLevel.NONE);
        assertThat(replay.contexts()).isEmpty();
    }

    @Test
    void onceTheHandleIsUsedAReplayIsANewCreate() {
        CreateResponse r = created(first.handle(ALICE, open("v", OplockLevel.NONE, dh2q(0, CREATE_GUID))));
        assertThat(context(r, CreateContext.DURABLE_HANDLE_REQUEST_V2)).as("no batch oplock, not durable").isNull();
        done(first.handle(ALICE, ReadRequest.of(r.fileId(), 0, 1)));
        CreateRequest again = open("v", OplockLevel.NONE, dh2q(0, CREATE_GUID));
        CreateRequest shared = new CreateRequest(again.oplockLevel(), again.impersonationLevel(), again.desiredAccess(),
                again.fileAttributes(), new org.smbscope.codec.smb2.ShareAccess(7), again.createDisposition(),
                again.createOptions(), again.name(), again.contexts());
        Outcome o = first.handle(ctx("alice", true), shared);
        assertThat(done(o).status()).as("the first open shares nothing").isEqualTo(NtStatus.SHARING_VIOLATION);
    }

    @Test
    void logoffOrTreeCloseClosesIt() {
        durableOpen("f");
        first.close();
        assertThat(files.size()).isZero();
        assertThat(files.durableCount()).isZero();
    }
}
