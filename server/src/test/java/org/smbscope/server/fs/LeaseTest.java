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
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.smb2.AccessMask;
import org.smbscope.codec.smb2.CreateContext;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.ImpersonationLevel;
import org.smbscope.codec.smb2.LeaseBreakAcknowledgment;
import org.smbscope.codec.smb2.LeaseBreakNotification;
import org.smbscope.codec.smb2.OplockBreak;
import org.smbscope.codec.smb2.OplockLevel;
import org.smbscope.codec.smb2.ShareAccess;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.WriteRequest;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;
import org.smbscope.server.share.ShareRoot;
import org.smbscope.server.tree.BreakSender;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;

/**
 * Leases ([MS-SMB2] 3.3.5.9.8, 3.3.5.9.11, 3.3.4.7, 3.3.5.22.2): the lease table keyed by ClientGuid + LeaseKey,
 * grants, breaks with acknowledgment and epoch, data changes, and the interplay with oplocks.
 */
class LeaseTest {
    private static final int RW = Access.FILE_GENERIC_READ | Access.FILE_GENERIC_WRITE;
    private static final int R = 1;
    private static final int H = 2;
    private static final int W = 4;
    private static final byte[] KEY1 = key(1);
    private static final byte[] KEY2 = key(2);

    private FileSystem fs;
    private OpenFiles files;
    private DiskTreeHandler handler;
    private final Client a = new Client("11111111-0000-0000-0000-000000000001");
    private final Client b = new Client("11111111-0000-0000-0000-000000000002");

    /** One client (one ClientGuid): the breaks it was sent. */
    private static final class Client {
        final LinkedBlockingQueue<Object> breaks = new LinkedBlockingQueue<>();
        final RequestContext ctx;

        Client(String guid) {
            ctx = new RequestContext(Smb2Dialect.SMB_3_1_1, "alice", false, 1 << 20, 1 << 20, 1 << 20,
                    new BreakSender() {
                        @Override
                        public boolean oplockBreak(FileId id, OplockLevel level) {
                            return breaks.add(new OplockBreak(level, id));
                        }

                        @Override
                        public boolean leaseBreak(LeaseBreakNotification n) {
                            return breaks.add(n);
                        }
                    }, Guid.parse(guid), false);
        }

        Object next() throws InterruptedException {
            Object o = breaks.poll(5, TimeUnit.SECONDS);
            assertThat(o).as("a break").isNotNull();
            return o;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        fs = Jimfs.newFileSystem(Configuration.windows().toBuilder().setAttributeViews("basic", "dos").build());
        Path root = Files.createDirectories(fs.getPath("C:\\share"));
        files = new OpenFiles().breakTimeout(Duration.ofMillis(500));
        handler = new DiskTreeHandler(ShareRoot.of(root), false, FsFixture.CLOCK, files);
    }

    @AfterEach
    void tearDown() throws Exception {
        handler.close();
        fs.close();
    }

    private static byte[] key(int n) {
        byte[] k = new byte[16];
        k[0] = (byte) n;
        k[8] = (byte) ~n;
        return k;
    }

    private static CreateContext rqls(byte[] key, int state) {
        return new CreateContext(CreateContext.REQUEST_LEASE,
                new WireWriter().bytes(key).u32le(state).u32le(0).u64le(0).toByteArray());
    }

    private static CreateContext rqlsV2(byte[] key, int state, int epoch) {
        return new CreateContext(CreateContext.REQUEST_LEASE, new WireWriter().bytes(key).u32le(state).u32le(0)
                .u64le(0).bytes(new byte[16]).u16le(epoch).u16le(0).toByteArray());
    }

    private static CreateRequest open(String name, OplockLevel level, CreateContext... contexts) {
        return new CreateRequest(level, new ImpersonationLevel(2), new AccessMask(RW), Set.of(), new ShareAccess(7),
                CreateDisposition.OPEN_IF, CreateOptions.NON_DIRECTORY_FILE, name, List.of(contexts));
    }

    private CreateResponse created(Client c, CreateRequest r) {
        Outcome o = handler.handle(c.ctx, r);
        assertThat(o).isInstanceOf(Outcome.Done.class);
        assertThat(((Outcome.Done) o).status()).isEqualTo(NtStatus.SUCCESS);
        return (CreateResponse) ((Outcome.Done) o).response();
    }

    /** The granted lease state of a response (-1 without a lease context). */
    private static int state(CreateResponse r) {
        for (CreateContext c : r.contexts()) {
            if (c.name().equals(CreateContext.REQUEST_LEASE)) {
                return (int) CreateContexts.u32(c.data(), 16);
            }
        }
        return -1;
    }

    private static int epoch(CreateResponse r) {
        for (CreateContext c : r.contexts()) {
            if (c.name().equals(CreateContext.REQUEST_LEASE) && c.data().length == 52) {
                byte[] d = c.data();
                return (d[48] & 0xFF) | (d[49] & 0xFF) << 8;
            }
        }
        return -1;
    }

    @Test
    void theOnlyOpenGetsTheStateItAsksAndInvalidStatesGetNone() {
        CreateResponse rwh = created(a, open("f", OplockLevel.LEASE, rqls(KEY1, R | W | H)));
        assertThat(rwh.oplockLevel()).isEqualTo(OplockLevel.LEASE);
        assertThat(state(rwh)).isEqualTo(R | W | H);
        assertThat(state(created(a, open("g", OplockLevel.LEASE, rqls(KEY2, H))))).isZero();
        assertThat(state(created(a, open("h", OplockLevel.LEASE, rqls(key(3), R | H))))).isEqualTo(R | H);
    }

    @Test
    void aDirectoryGetsNoLeaseWithoutDirectoryLeasing() {
        CreateRequest r = new CreateRequest(OplockLevel.LEASE, new ImpersonationLevel(2),
                new AccessMask(Access.FILE_GENERIC_READ), Set.of(), new ShareAccess(7), CreateDisposition.OPEN_IF,
                CreateOptions.DIRECTORY_FILE, "d", List.of(rqls(KEY1, R | H)));
        CreateResponse d = created(a, r);
        assertThat(d.oplockLevel()).isEqualTo(OplockLevel.NONE);
        assertThat(state(d)).isEqualTo(-1);
    }

    @Test
    void withoutTheLeaseOplockLevelTheContextIsIgnored() {
        CreateResponse r = created(a, open("f", OplockLevel.BATCH, rqls(KEY1, R | W | H)));
        assertThat(r.oplockLevel()).isEqualTo(OplockLevel.BATCH);
        assertThat(state(r)).isEqualTo(-1);
    }

    @Test
    void opensWithTheSameKeyShareOneLeaseWithoutABreak() {
        created(a, open("f", OplockLevel.LEASE, rqls(KEY1, R | W | H)));
        CreateResponse again = created(a, open("f", OplockLevel.LEASE, rqls(KEY1, R | W | H)));
        assertThat(state(again)).isEqualTo(R | W | H);
        assertThat(a.breaks).isEmpty();
    }

    @Test
    void aKeyUsedForAnotherFileIsRefused() {
        created(a, open("f", OplockLevel.LEASE, rqls(KEY1, R)));
        Outcome.Done d = (Outcome.Done) handler.handle(a.ctx, open("g", OplockLevel.LEASE, rqls(KEY1, R)));
        assertThat(d.status()).isEqualTo(NtStatus.INVALID_PARAMETER);
        // the same key from another client is another lease
        assertThat(state(created(b, open("g", OplockLevel.LEASE, rqls(KEY1, R))))).isEqualTo(R);
    }

    @Test
    void anotherKeyBreaksWriteCachingAndWaitsForTheAck() throws Exception {
        created(a, open("f", OplockLevel.LEASE, rqlsV2(KEY1, R | W | H, 7)));
        Outcome second = handler.handle(b.ctx, open("f", OplockLevel.LEASE, rqls(KEY2, R | W | H)));
        assertThat(second).isInstanceOf(Outcome.Pending.class);
        LeaseBreakNotification n = (LeaseBreakNotification) a.next();
        assertThat(n.currentLeaseState()).isEqualTo(R | W | H);
        assertThat(n.newLeaseState()).isEqualTo(R | H);
        assertThat(n.flags()).isEqualTo(Leases.ACK_REQUIRED);
        assertThat(n.newEpoch()).isEqualTo(9);
        assertThat(((Outcome.Pending) second).completion()).isNotDone();

        Outcome.Done ack = (Outcome.Done) handler.handle(a.ctx, new LeaseBreakAcknowledgment(0, KEY1, R | H, 0));
        assertThat(ack.status()).isEqualTo(NtStatus.SUCCESS);
        Outcome.Done done = ((Outcome.Pending) second).completion().get(5, TimeUnit.SECONDS);
        assertThat(state((CreateResponse) done.response())).isEqualTo(R | H);
    }

    @Test
    void aV2LeaseAnswersWithTheEpochPlusOne() {
        assertThat(epoch(created(a, open("f", OplockLevel.LEASE, rqlsV2(KEY1, R | H, 3))))).isEqualTo(4);
    }

    @Test
    void acknowledgmentErrors() {
        assertThat(((Outcome.Done) handler.handle(a.ctx, new LeaseBreakAcknowledgment(0, KEY1, 0, 0))).status())
                .isEqualTo(NtStatus.OBJECT_NAME_NOT_FOUND);
        created(a, open("f", OplockLevel.LEASE, rqls(KEY1, R | H)));
        assertThat(((Outcome.Done) handler.handle(a.ctx, new LeaseBreakAcknowledgment(0, KEY1, R, 0))).status())
                .isEqualTo(NtStatus.UNSUCCESSFUL);
    }

    @Test
    void anUnansweredBreakTimesOut() throws Exception {
        created(a, open("f", OplockLevel.LEASE, rqls(KEY1, R | W | H)));
        Outcome second = handler.handle(b.ctx, open("f", OplockLevel.LEASE, rqls(KEY2, R | H)));
        a.next();
        Outcome.Done done = ((Outcome.Pending) second).completion().get(5, TimeUnit.SECONDS);
        assertThat(state((CreateResponse) done.response())).isEqualTo(R | H);
    }

    @Test
    void aWriteByAnotherOpenBreaksReadCachingWithoutWaiting() throws Exception {
        created(a, open("f", OplockLevel.LEASE, rqls(KEY1, R)));
        FileId other = created(b, open("f", OplockLevel.NONE)).fileId();
        Outcome.Done w = (Outcome.Done) handler.handle(b.ctx, WriteRequest.of(other, 0, ByteBuffer.wrap(new byte[] {1})));
        assertThat(w.status()).isEqualTo(NtStatus.SUCCESS);
        LeaseBreakNotification n = (LeaseBreakNotification) a.next();
        assertThat(n.newLeaseState()).isZero();
        assertThat(n.flags()).isZero();
    }

    @Test
    void aBatchOplockHolderIsBrokenByALeaseOpen() throws Exception {
        FileId held = created(a, open("f", OplockLevel.BATCH)).fileId();
        Outcome second = handler.handle(b.ctx, open("f", OplockLevel.LEASE, rqls(KEY2, R | W | H)));
        assertThat(a.next()).isEqualTo(new OplockBreak(OplockLevel.LEVEL_II, held));
        handler.handle(a.ctx, new OplockBreak(OplockLevel.LEVEL_II, held));
        Outcome.Done done = ((Outcome.Pending) second).completion().get(5, TimeUnit.SECONDS);
        assertThat(state((CreateResponse) done.response())).as("beside a level II oplock: R only").isEqualTo(R);
    }

    @Test
    void theLeaseGoesWithItsLastOpen() {
        FileId id = created(a, open("f", OplockLevel.LEASE, rqls(KEY1, R))).fileId();
        handler.handle(a.ctx, new org.smbscope.codec.smb2.CloseRequest(id));
        assertThat(files.leases).isEmpty();
        assertThat(state(created(a, open("g", OplockLevel.LEASE, rqls(KEY1, R))))).isEqualTo(R);
    }

    @Test
    void aNamedStreamHasLeasesAndOplocksOfItsOwn() throws Exception {
        assertThat(state(created(a, open("f", OplockLevel.LEASE, rqls(KEY1, R | W | H))))).isEqualTo(R | W | H);
        assertThat(state(created(a, open("f:s", OplockLevel.LEASE, rqls(KEY2, R | W | H))))).isEqualTo(R | W | H);
        assertThat(created(b, open("f:t", OplockLevel.BATCH)).oplockLevel()).isEqualTo(OplockLevel.BATCH);
        assertThat(a.breaks).isEmpty();
        assertThat(b.breaks).isEmpty();
        // the same key on another stream of the file is another file
        Outcome.Done d = (Outcome.Done) handler.handle(a.ctx, open("f:t", OplockLevel.LEASE, rqls(KEY1, R)));
        assertThat(d.status()).isEqualTo(NtStatus.INVALID_PARAMETER);
    }

    @Test
    void opensQueuedDuringABreakBreakOneStepAtATime() throws Exception {
        created(a, open("f", OplockLevel.LEASE, rqls(KEY1, R | W | H)));
        Outcome second = handler.handle(b.ctx, open("f", OplockLevel.NONE));
        LeaseBreakNotification n = (LeaseBreakNotification) a.next();
        assertThat(n.newLeaseState()).isEqualTo(R | H);
        CreateRequest overwrite = new CreateRequest(OplockLevel.NONE, new ImpersonationLevel(2), new AccessMask(RW),
                Set.of(), new ShareAccess(7), CreateDisposition.OVERWRITE, CreateOptions.NON_DIRECTORY_FILE, "f",
                List.of());
        Outcome third = handler.handle(b.ctx, overwrite);
        assertThat(third).isInstanceOf(Outcome.Pending.class);

        handler.handle(a.ctx, new LeaseBreakAcknowledgment(0, KEY1, R | H, 0));
        n = (LeaseBreakNotification) a.next();
        assertThat(n.currentLeaseState()).isEqualTo(R | H);
        assertThat(n.newLeaseState()).isEqualTo(R);
        assertThat(n.flags()).isEqualTo(Leases.ACK_REQUIRED);
        assertThat(((Outcome.Pending) second).completion()).isNotDone();

        handler.handle(a.ctx, new LeaseBreakAcknowledgment(0, KEY1, R, 0));
        n = (LeaseBreakNotification) a.next();
        assertThat(n.newLeaseState()).isZero();
        assertThat(n.flags()).isZero();
        assertThat(((Outcome.Pending) second).completion().get(5, TimeUnit.SECONDS).status())
                .isEqualTo(NtStatus.SUCCESS);
        assertThat(((Outcome.Pending) third).completion().get(5, TimeUnit.SECONDS).status())
                .isEqualTo(NtStatus.SUCCESS);
    }

    @Test
    void aStaleChannelSequenceFailsModifyingRequestsOnly() {
        FileId id = created(a, open("f", OplockLevel.NONE)).fileId();
        RequestContext newer = sequenced(5);
        RequestContext stale = sequenced(0);
        Outcome.Done w = (Outcome.Done) handler.handle(newer, WriteRequest.of(id, 0, ByteBuffer.wrap(new byte[] {1})));
        assertThat(w.status()).isEqualTo(NtStatus.SUCCESS);
        w = (Outcome.Done) handler.handle(stale, WriteRequest.of(id, 0, ByteBuffer.wrap(new byte[] {1})));
        assertThat(w.status().value()).isEqualTo(0xC0000467); // STATUS_FILE_NOT_AVAILABLE
        // 0x8000 ahead is behind
        w = (Outcome.Done) handler.handle(sequenced(5 + 0x8000), WriteRequest.of(id, 0,
                ByteBuffer.wrap(new byte[] {1})));
        assertThat(w.status().value()).isEqualTo(0xC0000467);
        w = (Outcome.Done) handler.handle(sequenced(5 + 0x7FFF), WriteRequest.of(id, 0,
                ByteBuffer.wrap(new byte[] {1})));
        assertThat(w.status()).isEqualTo(NtStatus.SUCCESS);
    }

    private RequestContext sequenced(int channelSequence) {
        RequestContext c = a.ctx;
        return new RequestContext(c.dialect(), c.user(), c.guest(), c.maxReadSize(), c.maxWriteSize(),
                c.maxTransactSize(), c.breaks(), c.token(), c.clientGuid(), false, channelSequence & 0xFFFF);
    }

    @Test
    void anOpenThatDeletesTakesHandleCaching() throws Exception {
        created(a, open("f", OplockLevel.LEASE, rqls(KEY1, R | H)));
        CreateRequest unlink = new CreateRequest(OplockLevel.NONE, new ImpersonationLevel(2),
                new AccessMask(Access.DELETE), Set.of(), new ShareAccess(7), CreateDisposition.OPEN,
                CreateOptions.of(CreateOptions.DELETE_ON_CLOSE, CreateOptions.NON_DIRECTORY_FILE), "f",
                List.of());
        Outcome o = handler.handle(b.ctx, unlink);
        LeaseBreakNotification n = (LeaseBreakNotification) a.next();
        assertThat(n.currentLeaseState()).isEqualTo(R | H);
        assertThat(n.newLeaseState()).isEqualTo(R);
        assertThat(n.flags()).isEqualTo(Leases.ACK_REQUIRED);
        handler.handle(a.ctx, new LeaseBreakAcknowledgment(0, KEY1, R, 0));
        assertThat(((Outcome.Pending) o).completion().get(5, TimeUnit.SECONDS).status()).isEqualTo(NtStatus.SUCCESS);
    }
}
