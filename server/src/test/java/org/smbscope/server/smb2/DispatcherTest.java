package org.smbscope.server.smb2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.smb2.AccessMask;
import org.smbscope.codec.smb2.CancelRequest;
import org.smbscope.codec.smb2.ChangeNotifyRequest;
import org.smbscope.codec.smb2.CloseRequest;
import org.smbscope.codec.smb2.CloseResponse;
import org.smbscope.codec.smb2.CreateAction;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.EchoRequest;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.ImpersonationLevel;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.OplockLevel;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.QueryInfoResponse;
import org.smbscope.codec.smb2.ShareAccess;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Flags;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.smb2.Smb2Request;
import org.smbscope.codec.smb2.TreeConnectRequest;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;
import org.smbscope.server.tree.TreeHandler;

/** The dispatcher alone: compounds, wrong ids, signing, credits, async and cancel. */
class DispatcherTest {
    @TempDir
    Path dir;

    /** Records requests; CREATE of "missing" fails, other CREATEs give FileId (7, 8); CHANGE_NOTIFY goes pending. */
    static final class Recorder implements TreeHandler {
        final List<Smb2Request> seen = new CopyOnWriteArrayList<>();
        volatile CompletableFuture<Outcome.Done> notify;

        @Override
        public Outcome handle(RequestContext context, Smb2Request request) {
            seen.add(request);
            return switch (request) {
                case CreateRequest c when c.name().equals("missing") -> Outcome.Done.error(NtStatus.OBJECT_NAME_NOT_FOUND,
                        c.command());
                case CreateRequest c -> Outcome.Done.ok(new CreateResponse(OplockLevel.NONE, 0, CreateAction.OPENED,
                        FileTime.ZERO, FileTime.ZERO, FileTime.ZERO, FileTime.ZERO, 0, 0, Set.of(), new FileId(7, 8),
                        List.of()));
                case QueryInfoRequest q -> Outcome.Done.ok(new QueryInfoResponse(new byte[8]));
                case CloseRequest c -> Outcome.Done.ok(CloseResponse.empty());
                case ChangeNotifyRequest n -> {
                    CompletableFuture<Outcome.Done> f = new CompletableFuture<>();
                    notify = f;
                    yield new Outcome.Pending(f, () -> f.complete(Outcome.Done.error(NtStatus.CANCELLED, n.command())));
                }
                default -> Outcome.Done.error(NtStatus.NOT_SUPPORTED, request.command());
            };
        }

        volatile boolean closed;

        @Override
        public void close() {
            closed = true;
            CompletableFuture<Outcome.Done> n = notify;
            if (n != null) {
                n.complete(Outcome.Done.error(NtStatus.NOTIFY_CLEANUP, Smb2Command.CHANGE_NOTIFY));
            }
        }
    }

    private final Recorder recorder = new Recorder();

    private DispatcherHarness loggedOn(String globals) throws Exception {
        DispatcherHarness h = new DispatcherHarness(DispatcherHarness.config(dir, globals), share -> recorder);
        h.negotiate(0x0210);
        assertThat(h.login("alice", "Passw0rd!")).isEqualTo(NtStatus.SUCCESS);
        return h;
    }

    private static CreateRequest create(String name) {
        return new CreateRequest(OplockLevel.NONE, ImpersonationLevel.IMPERSONATION, new AccessMask(0x80), Set.of(),
                ShareAccess.of(ShareAccess.READ), CreateDisposition.OPEN, CreateOptions.NONE, name, List.of());
    }

    private static byte[] compound(DispatcherHarness h, int tid, String name) {
        Smb2Header c = h.header(Smb2Command.CREATE).withTreeId(tid);
        Smb2Header q = h.header(Smb2Command.QUERY_INFO).withTreeId(tid).withFlags(Smb2Flags.RELATED_OPERATIONS);
        Smb2Header x = h.header(Smb2Command.CLOSE).withTreeId(tid).withFlags(Smb2Flags.RELATED_OPERATIONS);
        return Smb2Codec.encodeCompound(List.of(new Smb2Packet(c, create(name)),
                new Smb2Packet(q, QueryInfoRequest.of(InfoType.FILE, 5, FileId.RELATED, 64)),
                new Smb2Packet(x, new CloseRequest(0, FileId.RELATED))));
    }

    @Test
    void relatedCompoundGetsTheCreatedFileId() throws Exception {
        DispatcherHarness h = loggedOn("");
        int tid = h.treeConnect("share");
        h.frame(compound(h, tid, "file"));
        List<Smb2Packet> replies = Smb2Codec.decodeAll(h.next());
        assertThat(replies).extracting(p -> p.header().status()).containsExactly(NtStatus.SUCCESS, NtStatus.SUCCESS,
                NtStatus.SUCCESS);
        assertThat(replies.get(1).header().flags().isRelated()).isTrue();
        assertThat(recorder.seen).hasSize(3);
        assertThat(((QueryInfoRequest) recorder.seen.get(1)).fileId()).isEqualTo(new FileId(7, 8));
        assertThat(((CloseRequest) recorder.seen.get(2)).fileId()).isEqualTo(new FileId(7, 8));
    }

    @Test
    void failedCreateFailsTheRestOfTheRelatedChain() throws Exception {
        DispatcherHarness h = loggedOn("");
        int tid = h.treeConnect("share");
        h.frame(compound(h, tid, "missing"));
        List<Smb2Packet> replies = Smb2Codec.decodeAll(h.next());
        assertThat(replies).extracting(p -> p.header().status()).containsExactly(NtStatus.OBJECT_NAME_NOT_FOUND,
                NtStatus.OBJECT_NAME_NOT_FOUND, NtStatus.OBJECT_NAME_NOT_FOUND);
        assertThat(recorder.seen).hasSize(1);
    }

    @Test
    void wrongSessionAndTreeIds() throws Exception {
        DispatcherHarness h = loggedOn("");
        Smb2Packet p = h.call(h.header(Smb2Command.TREE_CONNECT).withSessionId(h.sessionId + 1),
                new TreeConnectRequest(0, "\\\\s\\share"));
        assertThat(p.header().status()).isEqualTo(NtStatus.USER_SESSION_DELETED);
        p = h.call(h.header(Smb2Command.CREATE).withTreeId(99), create("x"));
        assertThat(p.header().status()).isEqualTo(NtStatus.NETWORK_NAME_DELETED);
        assertThat(h.dropped).isNull();
    }

    @Test
    void unsignedRequestIsDeniedWhenSigningIsMandatoryAndBadSignatureIsDropped() throws Exception {
        DispatcherHarness h = loggedOn("server signing = mandatory");
        Smb2Packet p = h.call(h.header(Smb2Command.TREE_CONNECT), new TreeConnectRequest(0, "\\\\s\\share"));
        assertThat(p.header().status()).isEqualTo(NtStatus.ACCESS_DENIED);
        Smb2Header signed = h.header(Smb2Command.TREE_CONNECT).withFlags(Smb2Flags.SIGNED);
        p = h.call(signed, new TreeConnectRequest(0, "\\\\s\\share"));
        assertThat(p.header().status()).isEqualTo(NtStatus.SUCCESS);
        assertThat(p.header().flags().isSigned()).isTrue();
        assertThat(h.signer.verify(Smb2Codec.encode(p.header(), p.message()), 0,
                Smb2Codec.encode(p.header(), p.message()).length)).isTrue();
        byte[] forged = Smb2Codec.encode(h.header(Smb2Command.ECHO).withFlags(Smb2Flags.SIGNED)
                .withSignature(new byte[16]), new EchoRequest());
        h.frame(forged);
        assertThat(h.next()).isNull();
        assertThat(h.dropped).isNull();
    }

    @Test
    void reusedMessageIdDropsTheConnection() throws Exception {
        DispatcherHarness h = loggedOn("");
        h.frame(Smb2Codec.encode(Smb2Header.request(Smb2Command.ECHO, 1), new EchoRequest()));
        assertThat(h.dropped).contains("credit window");
    }

    @Test
    void pendingChangeNotifyIsCancelled() throws Exception {
        DispatcherHarness h = loggedOn("");
        int tid = h.treeConnect("share");
        Smb2Header nh = h.header(Smb2Command.CHANGE_NOTIFY).withTreeId(tid);
        Smb2Packet interim = h.call(nh, new ChangeNotifyRequest(0, 1024, new FileId(7, 8), 0x17));
        assertThat(interim.header().status()).isEqualTo(NtStatus.PENDING);
        assertThat(interim.header().isAsync()).isTrue();
        long asyncId = interim.header().asyncId();
        Smb2Header cancel = new Smb2Header(0, NtStatus.SUCCESS, Smb2Command.CANCEL, 0, Smb2Flags.NONE, 0, nh.messageId(),
                0, 0, 0, h.sessionId, new byte[16]).withAsyncId(asyncId);
        Smb2Packet fin = h.call(cancel, new CancelRequest());
        assertThat(fin.header().status()).isEqualTo(NtStatus.CANCELLED);
        assertThat(fin.header().asyncId()).isEqualTo(asyncId);
        assertThat(fin.header().messageId()).isEqualTo(nh.messageId());
    }

    @Test
    void garbageAfterNegotiateDropsOnlyThisConnection() throws Exception {
        DispatcherHarness h = loggedOn("");
        h.frame(new byte[] {(byte) 0xFE, 'S', 'M', 'B', 1, 2, 3});
        assertThat(h.dropped).isNotNull().doesNotContain("internal error");
    }

    @Test
    void smb1NegotiateWithWildcardGetsAnSmb2Answer() throws Exception {
        DispatcherHarness h = new DispatcherHarness(DispatcherHarness.config(dir, ""), share -> recorder);
        byte[] smb1 = org.smbscope.codec.smb1.Smb1Packet.encode(
                new org.smbscope.codec.smb1.Smb1Header(org.smbscope.codec.smb1.Smb1Command.NEGOTIATE, 0,
                        org.smbscope.codec.smb1.Smb1Flags.NONE, new org.smbscope.codec.smb1.Smb1Flags2(0), 0, new byte[8], 0,
                        0xFFFF, 0, 0),
                new org.smbscope.codec.smb1.NegotiateRequest(List.of("NT LM 0.12", "SMB 2.002", "SMB 2.???")));
        h.frame(smb1);
        Smb2Packet p = Smb2Codec.decode(h.next());
        assertThat(((org.smbscope.codec.smb2.NegotiateResponse) p.message()).dialect().value()).isEqualTo(0x02FF);
        h.nextMid = 1;
        assertThat(h.negotiate(0x0311 - 0x0101).dialect().value()).isEqualTo(0x0210);
    }

    @Test
    void firstMessageRelatedIsInvalidAndSoAreItsFollowers() throws Exception {
        DispatcherHarness h = loggedOn("");
        int tid = h.treeConnect("share");
        Smb2Header c = h.header(Smb2Command.CREATE).withTreeId(tid).withFlags(Smb2Flags.RELATED_OPERATIONS);
        Smb2Header x = h.header(Smb2Command.CLOSE).withTreeId(tid).withFlags(Smb2Flags.RELATED_OPERATIONS);
        Smb2Header y = h.header(Smb2Command.CLOSE).withTreeId(tid);
        h.frame(Smb2Codec.encodeCompound(List.of(new Smb2Packet(c, create("file")),
                new Smb2Packet(x, new CloseRequest(0, FileId.RELATED)), new Smb2Packet(y, new CloseRequest(0, new FileId(7, 8))))));
        assertThat(Smb2Codec.decodeAll(h.next())).extracting(p -> p.header().status()).containsExactly(
                NtStatus.INVALID_PARAMETER, NtStatus.INVALID_PARAMETER, NtStatus.SUCCESS);
    }

    @Test
    void aFailureOtherThanCreateDoesNotFailTheFollowers() throws Exception {
        DispatcherHarness h = loggedOn("");
        int tid = h.treeConnect("share");
        Smb2Header c = h.header(Smb2Command.CREATE).withTreeId(tid);
        Smb2Header w = h.header(Smb2Command.FLUSH).withTreeId(tid).withFlags(Smb2Flags.RELATED_OPERATIONS);
        Smb2Header x = h.header(Smb2Command.CLOSE).withTreeId(tid).withFlags(Smb2Flags.RELATED_OPERATIONS);
        h.frame(Smb2Codec.encodeCompound(List.of(new Smb2Packet(c, create("file")),
                new Smb2Packet(w, new org.smbscope.codec.smb2.FlushRequest(FileId.RELATED)),
                new Smb2Packet(x, new CloseRequest(0, FileId.RELATED)))));
        assertThat(Smb2Codec.decodeAll(h.next())).extracting(p -> p.header().status()).containsExactly(
                NtStatus.SUCCESS, NtStatus.NOT_SUPPORTED, NtStatus.SUCCESS);
        assertThat(((CloseRequest) recorder.seen.get(2)).fileId()).isEqualTo(new FileId(7, 8));
    }

    @Test
    void asyncLastMemberOfACompoundSendsItsInterimWithTheOthers() throws Exception {
        DispatcherHarness h = loggedOn("");
        int tid = h.treeConnect("share");
        Smb2Header c = h.header(Smb2Command.CREATE).withTreeId(tid);
        Smb2Header n = h.header(Smb2Command.CHANGE_NOTIFY).withTreeId(tid).withFlags(Smb2Flags.RELATED_OPERATIONS);
        h.frame(Smb2Codec.encodeCompound(List.of(new Smb2Packet(c, create("dir")),
                new Smb2Packet(n, new ChangeNotifyRequest(0, 1024, FileId.RELATED, 0x17)))));
        List<Smb2Packet> first = Smb2Codec.decodeAll(h.next());
        assertThat(first).extracting(p -> p.header().status()).containsExactly(NtStatus.SUCCESS, NtStatus.PENDING);
        assertThat(first.get(1).header().isAsync()).isTrue();
        recorder.notify.complete(Outcome.Done.error(NtStatus.NOTIFY_ENUM_DIR, Smb2Command.CHANGE_NOTIFY));
        Smb2Packet fin = Smb2Codec.decode(h.next());
        assertThat(fin.header().status()).isEqualTo(NtStatus.NOTIFY_ENUM_DIR);
        assertThat(fin.header().asyncId()).isEqualTo(first.get(1).header().asyncId());
    }

    @Test
    void asyncMiddleMemberOfACompoundIsAnInternalError() throws Exception {
        DispatcherHarness h = loggedOn("");
        int tid = h.treeConnect("share");
        Smb2Header c = h.header(Smb2Command.CREATE).withTreeId(tid);
        Smb2Header n = h.header(Smb2Command.CHANGE_NOTIFY).withTreeId(tid).withFlags(Smb2Flags.RELATED_OPERATIONS);
        Smb2Header q = h.header(Smb2Command.QUERY_INFO).withTreeId(tid).withFlags(Smb2Flags.RELATED_OPERATIONS);
        h.frame(Smb2Codec.encodeCompound(List.of(new Smb2Packet(c, create("dir")),
                new Smb2Packet(n, new ChangeNotifyRequest(0, 1024, FileId.RELATED, 0x17)),
                new Smb2Packet(q, QueryInfoRequest.of(InfoType.FILE, 4, FileId.RELATED, 64)))));
        assertThat(Smb2Codec.decodeAll(h.next())).extracting(p -> p.header().status()).containsExactly(
                NtStatus.SUCCESS, NtStatus.INTERNAL_ERROR, NtStatus.SUCCESS);
        assertThat(recorder.notify.join().status()).isEqualTo(NtStatus.CANCELLED);
    }

    @Test
    void unknownCommandIsInvalidParameter() throws Exception {
        DispatcherHarness h = loggedOn("");
        Smb2Header u = new Smb2Header(1, NtStatus.SUCCESS, org.smbscope.codec.smb2.Smb2Command.of(0xFF), 1, Smb2Flags.NONE, 0,
                h.nextMid++, 0xFEFF, 0, 0, h.sessionId, new byte[16]);
        h.frame(Smb2Codec.encode(u, new org.smbscope.codec.smb2.UnknownMessage(u.command(), new byte[] {2, 0})));
        assertThat(Smb2Codec.decode(h.next()).header().status()).isEqualTo(NtStatus.INVALID_PARAMETER);
    }

    @Test
    void networkInterfaceInfoNeedsTheAllOnesFileIdAndRoom() throws Exception {
        DispatcherHarness h = loggedOn("");
        int tid = h.treeConnect("share");
        var code = org.smbscope.codec.smb2.CtlCode.FSCTL_QUERY_NETWORK_INTERFACE_INFO;
        Smb2Packet p = h.call(h.header(Smb2Command.IOCTL).withTreeId(tid),
                org.smbscope.codec.smb2.IoctlRequest.fsctl(code, new FileId(1, 2), new byte[0], 65536));
        assertThat(p.header().status()).isEqualTo(NtStatus.INVALID_PARAMETER);
        p = h.call(h.header(Smb2Command.IOCTL).withTreeId(tid),
                org.smbscope.codec.smb2.IoctlRequest.fsctl(code, FileId.RELATED, new byte[0], 1));
        assertThat(p.header().status()).isEqualTo(NtStatus.BUFFER_TOO_SMALL);
        p = h.call(h.header(Smb2Command.IOCTL).withTreeId(tid),
                org.smbscope.codec.smb2.IoctlRequest.fsctl(code, FileId.RELATED, new byte[0], 65536));
        assertThat(p.header().status()).isEqualTo(NtStatus.SUCCESS);
        byte[] out = ((org.smbscope.codec.smb2.IoctlResponse) p.message()).output();
        assertThat(out).hasSize(152);
        assertThat(java.util.Arrays.copyOfRange(out, 24, 32)).containsExactly(2, 0, 0, 0, 127, 0, 0, 1);
    }

    @Test
    void cancelOvertakingItsRequestStillCancelsIt() throws Exception {
        DispatcherHarness h = loggedOn("");
        int tid = h.treeConnect("share");
        Smb2Header nh = h.header(Smb2Command.CHANGE_NOTIFY).withTreeId(tid);
        Smb2Header cancel = new Smb2Header(0, NtStatus.SUCCESS, Smb2Command.CANCEL, 0, Smb2Flags.NONE, 0, nh.messageId(),
                0xFEFF, tid, 0, h.sessionId, new byte[16]);
        h.frame(Smb2Codec.encode(cancel, new CancelRequest()));
        assertThat(h.next()).isNull();
        Smb2Packet interim = h.call(nh, new ChangeNotifyRequest(0, 1024, new FileId(7, 8), 0x17));
        assertThat(interim.header().status()).isEqualTo(NtStatus.PENDING);
        Smb2Packet fin = Smb2Codec.decode(h.next());
        assertThat(fin.header().status()).isEqualTo(NtStatus.CANCELLED);
    }

    @Test
    void previousSessionIdEndsTheOldSessionOfTheSameUser() throws Exception {
        DispatcherHarness h = loggedOn("");
        long first = h.sessionId;
        int tid = h.treeConnect("share");
        Smb2Packet interim = h.call(h.header(Smb2Command.CHANGE_NOTIFY).withTreeId(tid),
                new ChangeNotifyRequest(0, 1024, new FileId(7, 8), 0x17));
        assertThat(interim.header().status()).isEqualTo(NtStatus.PENDING);
        assertThat(h.loginReplacing("alice", "Passw0rd!", first)).isEqualTo(NtStatus.SUCCESS);
        assertThat(h.sessionId).isNotEqualTo(first);
        assertThat(recorder.closed).isTrue();
        assertThat(h.stray).extracting(p -> p.header().status()).containsExactly(NtStatus.NOTIFY_CLEANUP);
        Smb2Packet old = h.call(h.header(Smb2Command.ECHO).withSessionId(first), new EchoRequest());
        assertThat(old.header().status()).isEqualTo(NtStatus.USER_SESSION_DELETED);
    }

    @Test
    void failedReauthenticationEndsTheSession() throws Exception {
        DispatcherHarness h = loggedOn("");
        long sid = h.sessionId;
        h.treeConnect("share");
        assertThat(h.login("alice", "wrong")).isEqualTo(NtStatus.LOGON_FAILURE);
        assertThat(recorder.closed).isTrue();
        Smb2Packet p = h.call(h.header(Smb2Command.ECHO).withSessionId(sid), new EchoRequest());
        assertThat(p.header().status()).isEqualTo(NtStatus.USER_SESSION_DELETED);
    }
}
