package org.smbscope.server.smb2;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.codec.crypto.CryptoDecodeException;
import org.smbscope.codec.crypto.PreauthHash;
import org.smbscope.codec.crypto.Smb2Signer;
import org.smbscope.codec.crypto.Smb3Transform;
import org.smbscope.codec.smb2.ErrorResponse;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Compound;
import org.smbscope.codec.smb2.Smb2DecodeException;
import org.smbscope.codec.smb2.Smb2Flags;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.Smb2Message;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.smb2.Smb2Request;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.smb2.Reply.Later;
import org.smbscope.server.smb2.Reply.Send;
import org.smbscope.server.smb2.Reply.Silent;
import org.smbscope.server.tree.Outcome;

/**
 * The SMB2 request pipeline of one connection ([MS-SMB2] 3.3.5): decrypt (3.3.5.2.1), split the compound
 * (3.3.5.2.7), then per message: message-id window and credits (3.3.5.2.3, 3.3.5.2.5), session lookup
 * (3.3.5.2.9), signature (3.3.5.2.4), encryption requirement, tree lookup (3.3.5.2.11), related-compound
 * substitution, and the command itself ({@link Commands}); responses are joined, signed and sealed as the
 * requests were. Frame-level damage drops the connection; a bad signature drops the message.
 *
 * <p>Called from one virtual thread per frame; frames are decrypted in parallel, then processed in
 * arrival order ({@link RequestOrder}: each waits for the earlier ones to finish or go async; lone READs and
 * WRITEs run side by side). Everything here is thread safe. The first frame (NEGOTIATE) is answered before
 * the client sends anything else.
 */
final class Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    /** Where responses go. */
    interface Sink {
        /** Writes one message (plain, compound or transform) as one frame. */
        void send(byte[] message) throws IOException;

        /**
         * Writes one message made of {@code head} then {@code tail} (position to limit; a direct buffer goes to the
         * socket without a copy) as one frame.
         */
        default void send(byte[] head, ByteBuffer tail) throws IOException {
            byte[] joined = Arrays.copyOf(head, head.length + tail.remaining());
            tail.duplicate().get(joined, head.length, tail.remaining());
            send(joined);
        }

        /** Ends the connection. */
        void drop(String why);
    }

    /** The connection must be dropped. */
    static final class Drop extends Exception {
        Drop(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The frame a message came in. {@code direct}: for a lone WRITE read into a direct buffer, the whole message
     * (position to limit; the message array holds only its header and fixed part), else null; {@code arriving}: for
     * such a WRITE whose data the reader is still reading into that buffer, how far it has come, else null.
     */
    record Frame(boolean encrypted, Session sealedBy, boolean compound, ByteBuffer direct, ArrivingWrite arriving) {
        Frame(boolean encrypted, Session sealedBy, boolean compound) {
            this(encrypted, sealedBy, compound, null, null);
        }

        /** The length of the message {@code msg} of this frame. */
        int length(byte[] msg) {
            return direct != null ? direct.remaining() : msg.length;
        }
    }

    record PendingOp(long asyncId, long messageId, long sessionId, Runnable cancel) {
    }

    final ServerContext ctx;
    final Sink sink;
    final java.net.InetAddress localAddress;
    final String peer;
    final CreditWindow credits;
    /** Direct buffers for large READ responses, or null (then they are arrays). */
    final FrameBuffers buffers;
    final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    private final PendingRequests pending = new PendingRequests();
    private final ConnectionNegotiation negotiation;
    private final Commands commands;
    private final ResponseFlush responses;
    private volatile boolean closed;

    /**
     * {@code localAddress}: the address the client connected to (FSCTL_QUERY_NETWORK_INTERFACE_INFO), or null;
     * {@code buffers}: the server's direct buffers for large READ responses (see {@link FrameBuffers}), or null.
     */
    Dispatcher(ServerContext ctx, Sink sink, String peer, java.net.InetAddress localAddress, FrameBuffers buffers) {
        this.buffers = buffers;
        this.localAddress = localAddress;
        this.ctx = ctx;
        this.sink = sink;
        this.peer = peer;
        this.credits = new CreditWindow(ctx.limits().maxCredits());
        this.commands = new Commands(this);
        this.negotiation = new ConnectionNegotiation(ctx, credits, peer);
        this.responses = new ResponseFlush(ctx, sink, buffers, () -> closed);
    }

    NegotiateOutcome negotiated() {
        return negotiation.negotiated();
    }

    org.smbscope.codec.smb2.NegotiateRequest negotiateRequest() {
        return negotiation.request();
    }

    PreauthHash connectionPreauth() {
        return negotiation.preauth();
    }

    /** True while a tree is connected (the idle timeout spares such connections). */
    boolean hasTrees() {
        return sessions.values().stream().anyMatch(s -> !s.trees.isEmpty());
    }

    /** Handles one frame in isolation (tests): nothing else is in work on this connection. */
    void onFrame(byte[] frame) {
        RequestOrder.Ticket ticket = new RequestOrder().arrive();
        try {
            onFrame(frame, ticket);
        } finally {
            ticket.leave();
        }
    }

    /**
     * Handles one frame; never throws: damage drops the connection through the sink. The frame takes its
     * place in the connection's order ({@link RequestOrder}) once decrypted; the caller leaves the ticket.
     */
    void onFrame(byte[] frame, RequestOrder.Ticket ticket) {
        if (!closed) {
            guarded(() -> {
                process(frame, ticket);
                return true;
            });
        }
    }

    /** A frame's work, which may end the connection by throwing. */
    private interface FrameWork {
        boolean run() throws IOException, Drop;
    }

    /**
     * Runs {@code work}; a {@link Drop}, a failed write or an internal error drops the connection (false), so one bad
     * frame never takes the server down.
     */
    private boolean guarded(FrameWork work) {
        try {
            return work.run();
        } catch (Drop d) {
            LOG.debug("dropping connection from {}: {}", peer, d.getMessage());
            sink.drop(d.getMessage());
        } catch (IOException e) {
            sink.drop("write failed: " + e);
        } catch (RuntimeException e) {
            LOG.warn("internal error on a frame from {}; dropping the connection", peer, e);
            sink.drop("internal error: " + e);
        }
        return false;
    }

    /**
     * Handles one frame read into a (direct) buffer, from its position to its limit, as {@link #onFrame(byte[],
     * RequestOrder.Ticket)} does: an encrypted one is decrypted in place (the buffer needs the room for a tag after
     * its limit, see {@link FrameBuffers}); a lone WRITE is served from the buffer, its data going to the file without
     * a copy (with {@code arriving}, may be null, while the reader is still reading it: {@link ArrivingWrite});
     * anything else is copied to an array and goes the usual way. Returns true when nothing refers to the buffer any
     * more (false: a request went async and may still read it).
     */
    boolean onFrame(ByteBuffer frame, RequestOrder.Ticket ticket, ArrivingWrite arriving) {
        return closed || guarded(() -> process(frame, ticket, arriving));
    }

    private boolean process(ByteBuffer frame, RequestOrder.Ticket ticket, ArrivingWrite arriving)
            throws Drop, IOException {
        ByteBuffer plain = frame;
        boolean encrypted = false;
        Session sealedBy = null;
        if (frame.remaining() >= 4 && frame.getInt(frame.position()) == Smb2Codec.TRANSFORM_MAGIC) {
            NegotiateOutcome n = negotiation.negotiated();
            if (n == null || n.dialect() < 0x0300) {
                throw new Drop("encrypted message before an SMB 3 negotiate");
            }
            try {
                byte[] header = new byte[Math.min(frame.remaining(), Smb3Transform.HEADER_LENGTH)];
                frame.get(frame.position(), header);
                sealedBy = sealer(header, frame.remaining());
                plain = arriving != null ? arriving.open(sealedBy.transform, frame) : sealedBy.transform.openInPlace(frame);
                arriving = null; // all of it is there
            } catch (CryptoDecodeException e) {
                throw new Drop("cannot decrypt: " + e.getMessage());
            }
            encrypted = true;
        }
        byte[] head = LoneWrite.head(plain);
        if (head == null) {
            if (arriving != null && !arriving.whole()) { // not the shape the reader took it for: once all is there
                return true;
            }
            byte[] copy = new byte[plain.remaining()];
            plain.get(plain.position(), copy);
            processPlain(copy, encrypted, sealedBy, ticket);
            return true;
        }
        ticket.enter(true);
        if (closed) {
            return true;
        }
        Chain chain = new Chain();
        runParts(head, List.of(new Smb2Compound.Part(0, head.length)), 0,
                new Frame(encrypted, sealedBy, false, plain, arriving), chain, new ArrayList<>());
        return !chain.wentAsync;
    }

    /**
     * The session whose keys open the transform header {@code header} of a {@code length}-byte sealed frame (its
     * cipher warmed for bulk data); a Drop when there is none ([MS-SMB2] 3.3.5.2.1.1).
     */
    private Session sealer(byte[] header, int length) throws Drop, CryptoDecodeException {
        long sid = Smb3Transform.sessionId(header, 0, header.length);
        Session s = sessions.get(sid);
        if (s == null || s.transform == null) {
            throw new Drop(String.format("encrypted message for unknown session 0x%x", sid));
        }
        if (length >= CryptoWarmups.BULK) {
            ctx.warmups().warm(null, s.transform.cipher());
        }
        return s;
    }

    private void process(byte[] frame, RequestOrder.Ticket ticket) throws Drop, IOException {
        byte[] plain = frame;
        boolean encrypted = false;
        Session sealedBy = null;
        Smb2Codec.FrameKind kind = Smb2Codec.kind(frame);
        if (kind == Smb2Codec.FrameKind.TRANSFORM) {
            NegotiateOutcome n = negotiation.negotiated();
            if (n == null || n.dialect() < 0x0300) {
                throw new Drop("encrypted message before an SMB 3 negotiate");
            }
            try {
                sealedBy = sealer(frame, frame.length);
                plain = sealedBy.transform.open(frame);
            } catch (CryptoDecodeException e) {
                throw new Drop("cannot decrypt: " + e.getMessage());
            }
            encrypted = true;
        }
        processPlain(plain, encrypted, sealedBy, ticket);
    }

    /** The part of {@link #process} after decryption. */
    private void processPlain(byte[] plain, boolean encrypted, Session sealedBy, RequestOrder.Ticket ticket)
            throws Drop, IOException {
        Smb2Codec.FrameKind kind = Smb2Codec.kind(plain);
        if (kind == Smb2Codec.FrameKind.SMB1 && !encrypted) {
            ticket.enter(false);
            sink.send(negotiation.smb1(plain));
            return;
        }
        if (kind != Smb2Codec.FrameKind.SMB2) {
            throw new Drop("not an SMB2 message: " + kind);
        }
        List<Smb2Compound.Part> parts;
        try {
            parts = Smb2Compound.split(plain);
        } catch (Smb2DecodeException e) {
            throw new Drop("bad compound: " + e.getMessage());
        }
        if (parts.size() > ctx.limits().maxCompound()) {
            throw new Drop(parts.size() + " messages in one compound (limit " + ctx.limits().maxCompound() + ")");
        }
        ticket.enter(parts.size() == 1 && readOrWrite(plain, parts.get(0)));
        if (closed) {
            return;
        }
        Frame f = new Frame(encrypted, sealedBy, parts.size() > 1);
        runParts(plain, parts, 0, f, new Chain(), new ArrayList<>());
    }

    /**
     * Processes the messages of one frame from {@code from} on and sends their responses (with {@code out},
     * the responses already made) as one compound.
     */
    private void runParts(byte[] plain, List<Smb2Compound.Part> parts, int from, Frame f, Chain chain, List<Send> out)
            throws Drop, IOException {
        Later async = null;
        for (int i = from; i < parts.size(); i++) {
            Smb2Compound.Part part = parts.get(i);
            byte[] msg = parts.size() == 1 && part.offset() == 0 && part.length() == plain.length
                    ? plain // a lone message: no copy (8 MiB per WRITE)
                    : Arrays.copyOfRange(plain, part.offset(), part.offset() + part.length());
            Smb2Header h;
            try {
                h = Smb2Header.decode(msg);
            } catch (Smb2DecodeException e) {
                throw new Drop("bad header: " + e.getMessage());
            }
            if (h.isResponse()) {
                throw new Drop("a response sent to the server");
            }
            Reply r = processOne(msg, h, f, chain);
            chain.index++;
            switch (r) {
                case Send s -> out.add(s);
                case Silent s -> {
                    if (s.stopChain()) {
                        responses.flush(out, f);
                        return;
                    }
                }
                case Later l -> {
                    chain.wentAsync = true;
                    if (i == parts.size() - 1) {
                        // alone or last of a compound: the interim goes with the others, the final later
                        out.add(interim(l));
                        async = l;
                    } else if (l.response().command().equals(Smb2Command.CREATE)) {
                        // MS-SMB2 <159>, as Windows and Samba: a CREATE waiting for an oplock break may go
                        // async inside a compound; the messages after it wait for it
                        out.add(interim(l));
                        responses.flush(out, f);
                        resumeAfter(l, f, plain, parts, i + 1, chain);
                        return;
                    } else {
                        // Windows (MS-SMB2 <159>): any other compound member in the middle cannot go async
                        l.pending().cancel().run();
                        out.add(send(l.response().withStatus(NtStatus.INTERNAL_ERROR),
                                ErrorResponse.empty(l.response().command()), f.encrypted() ? null : signerFor(l)));
                    }
                }
            }
        }
        responses.flush(out, f);
        if (async != null) {
            finishLater(async, f);
        }
    }

    /**
     * When the CREATE of {@code l} completes, its final response and the responses of the rest of the
     * compound (from {@code next}) go out together; a related follower uses the new FileId, or fails with
     * the CREATE's status.
     */
    private void resumeAfter(Later l, Frame f, byte[] plain, List<Smb2Compound.Part> parts, int next, Chain chain) {
        l.pending().completion().whenCompleteAsync((done, failure) -> {
            List<Send> out = new ArrayList<>();
            Outcome.Done d = finalOf(l, done);
            out.add(send(finalHeader(l, d), d.response(), f.encrypted() ? null : signerFor(l)));
            if (d.status().isError()) {
                chain.createError = d.status();
            } else if (d.response() instanceof org.smbscope.codec.smb2.CreateResponse cr) {
                chain.fileId = cr.fileId();
            }
            try {
                runParts(plain, parts, next, f, chain, out);
            } catch (Drop drop) {
                sink.drop(drop.getMessage());
            } catch (IOException e) {
                sink.drop("write failed: " + e);
            } catch (RuntimeException e) {
                LOG.warn("internal error finishing a compound from {}; dropping the connection", peer, e);
                sink.drop("internal error: " + e);
            }
        }, r -> Thread.ofVirtual().name("smb-compound").start(r));
    }

    /** True for a READ or WRITE message: such lone frames may run alongside each other. */
    private static boolean readOrWrite(byte[] plain, Smb2Compound.Part part) {
        if (part.length() < Smb2Header.SIZE) {
            return false;
        }
        int command = (plain[part.offset() + 12] & 0xFF) | (plain[part.offset() + 13] & 0xFF) << 8;
        return command == Smb2Command.READ.value() || command == Smb2Command.WRITE.value();
    }

    private Reply processOne(byte[] msg, Smb2Header h, Frame f, Chain chain) throws Drop {
        NegotiateOutcome neg = negotiation.negotiated();
        if (neg == null || h.command().equals(Smb2Command.NEGOTIATE)) {
            if (neg != null || f.compound() || f.encrypted() || !h.command().equals(Smb2Command.NEGOTIATE)) {
                throw new Drop(neg == null ? "first message is " + h.command().name() + ", not NEGOTIATE" : "second NEGOTIATE");
            }
            return negotiation.negotiate(msg, h);
        }
        boolean cancel = h.command().equals(Smb2Command.CANCEL);
        int charge = neg.dialect() == 0x0202 ? 1 : Math.max(1, h.creditCharge());
        if (!cancel && !credits.consume(h.messageId(), charge)) {
            throw new Drop("message id " + Long.toUnsignedString(h.messageId()) + " (charge " + charge
                    + ") outside the credit window");
        }
        int grant = cancel ? 0 : credits.grant(h.credits(), charge);
        Smb2Packet p;
        try {
            p = Smb2Codec.decode(msg);
        } catch (Smb2DecodeException e) {
            LOG.debug("undecodable {} from {}: {}", h.command().name(), peer, e.getMessage());
            if (cancel) {
                return new Silent(false);
            }
            return error(h, NtStatus.INVALID_PARAMETER, grant, null);
        }
        if (cancel) {
            pending.cancel(h);
            return new Silent(false);
        }
        if (f.direct() != null && p.message() instanceof org.smbscope.codec.smb2.WriteRequest w) {
            // the data stays where it was read (see loneWriteHead)
            ByteBuffer m = f.direct();
            p = new Smb2Packet(p.header(), new org.smbscope.codec.smb2.WriteRequest(w.offset(), w.fileId(), w.channel(),
                    w.remainingBytes(), w.flags(), m.slice(m.position() + org.smbscope.codec.smb2.WriteRequest.DATA_OFFSET,
                            m.remaining() - org.smbscope.codec.smb2.WriteRequest.DATA_OFFSET)), p.offset(), p.length());
        }
        if (!(p.message() instanceof Smb2Request req) || p.message() instanceof org.smbscope.codec.smb2.UnknownMessage
                || !h.command().isKnown()) {
            return error(h, NtStatus.INVALID_PARAMETER, grant, null);
        }
        if (neg.dialect() != 0x0202 && charge < RequestCharge.required(req)) {
            return error(h, NtStatus.INVALID_PARAMETER, grant, null);
        }
        return commands.dispatch(msg, h, req, f, chain, grant);
    }

    /** An error response with the header fields of {@code h}. */
    Send error(Smb2Header h, NtStatus status, int grant, Smb2Signer signer) {
        return new Send(Smb2Codec.encode(Smb2Header.responseTo(h, status, grant), ErrorResponse.empty(h.command())), signer);
    }

    /**
     * An error nobody can sign: STATUS_USER_SESSION_DELETED for a session this connection does not have, or
     * a session setup refused because its signature does not verify. Like Windows and Samba, the answer to a
     * signed request keeps the SIGNED flag with a zero signature; clients accept that for these statuses.
     */
    Send unsignable(Smb2Header h, NtStatus status, int grant) {
        Smb2Header rh = Smb2Header.responseTo(h, status, grant);
        if (h.flags().isSigned()) {
            rh = rh.withFlags(rh.flags().with(Smb2Flags.SIGNED));
        }
        return new Send(Smb2Codec.encode(rh, ErrorResponse.empty(h.command())), null);
    }

    /** A response with {@code header} and {@code body}. */
    static Send send(Smb2Header header, Smb2Message body, Smb2Signer signer) {
        return new Send(Smb2Codec.encode(header, body), signer);
    }

    /**
     * A response with {@code header} and {@code body}; the data of a READ response read into {@code buffer} (the
     * connection's direct buffer) stays there ({@link ResponseFlush#directRead}).
     */
    static Send send(Smb2Header header, Smb2Message body, Smb2Signer signer, ByteBuffer buffer) {
        Send direct = ResponseFlush.directRead(header, body, signer, buffer);
        return direct != null ? direct : send(header, body, signer);
    }

    /**
     * [MS-SMB2] 3.3.4.6: an unsolicited Oplock Break Notification for an open of session {@code s} (MessageId
     * 0xFFFFFFFFFFFFFFFF, SessionId 0, unsigned; encrypted when the session encrypts). False if not sent.
     */
    boolean oplockBreak(Session s, org.smbscope.codec.smb2.FileId fileId, org.smbscope.codec.smb2.OplockLevel level) {
        return unsolicited(s, new org.smbscope.codec.smb2.OplockBreak(level, fileId));
    }

    /** [MS-SMB2] 3.3.4.7: an unsolicited Lease Break Notification on this connection. False if not sent. */
    boolean leaseBreak(Session s, org.smbscope.codec.smb2.LeaseBreakNotification n) {
        return unsolicited(s, n);
    }

    /** A notification (OPLOCK_BREAK command) the server sends on its own for session {@code s}. */
    private boolean unsolicited(Session s, Smb2Message body) {
        if (closed) {
            return false;
        }
        Smb2Header h = new Smb2Header(0, NtStatus.SUCCESS, Smb2Command.OPLOCK_BREAK, 0, Smb2Flags.SERVER_TO_REDIR,
                0, -1L, 0, 0, 0, 0, new byte[Smb2Header.SIGNATURE_LENGTH]);
        boolean seal = s.encryptData && s.transform != null;
        try {
            responses.flush(List.of(send(h, body, null)), new Frame(seal, s, false));
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.debug("break notification to {} not sent: {}", peer, e.toString());
            return false;
        }
    }

    long newAsyncId() {
        return pending.newAsyncId();
    }

    /** Cancels every pending request of {@code sessionId} (LOGOFF); all of them when {@code sessionId} is -1. */
    void cancelPending(long sessionId) {
        pending.cancelSession(sessionId);
    }

    private Smb2Signer signerFor(Later l) {
        Smb2Signer signer = l.session() == null ? null : l.session().signerOn(this);
        return signer != null && (l.session().signingRequired || l.signed()) ? signer : null;
    }

    /** The STATUS_PENDING interim response of [MS-SMB2] 3.3.4.2 (unsigned), registering the async id for CANCEL. */
    private Send interim(Later l) {
        pending.add(l.asyncId(), l.response().messageId(), l.response().sessionId(), l.pending().cancel());
        Smb2Header h = l.response().withStatus(NtStatus.PENDING).withAsyncId(l.asyncId())
                .withFlags(l.response().flags().with(Smb2Flags.ASYNC_COMMAND).without(Smb2Flags.SIGNED));
        return send(h, ErrorResponse.empty(h.command()), null);
    }

    /** Sends the final response when the work completes (after the interim went out). */
    private void finishLater(Later l, Frame f) {
        l.pending().completion().whenComplete((done, failure) -> {
            Outcome.Done d = finalOf(l, done);
            try {
                responses.flush(List.of(send(finalHeader(l, d), d.response(), f.encrypted() ? null : signerFor(l))), f);
            } catch (IOException e) {
                sink.drop("write failed: " + e);
            }
        });
    }

    /** The outcome of finished async work ({@code done}, or an internal error), no longer pending. */
    private Outcome.Done finalOf(Later l, Outcome.Done done) {
        pending.done(l.asyncId(), l.response().messageId());
        return done != null ? done : Outcome.Done.error(NtStatus.INTERNAL_ERROR, l.response().command());
    }

    /** The header of an async final response ([MS-SMB2] 3.3.4.4): async id, no credits, not related. */
    private static Smb2Header finalHeader(Later l, Outcome.Done d) {
        return l.response().withAsyncId(l.asyncId())
                .withFlags(l.response().flags().with(Smb2Flags.ASYNC_COMMAND).without(Smb2Flags.SIGNED)
                        .without(Smb2Flags.RELATED_OPERATIONS))
                .withStatus(d.status()).withCredits(0);
    }

    /**
     * Ends a session on every channel (LOGOFF, or a PreviousSessionId of a reconnect, [MS-SMB2] 3.3.5.5.3): its
     * trees are closed (their opens' pending work finishes), the rest cancelled. Durable opens stay for a
     * reconnect, as on Windows (smbtorture durable-open.reopen4).
     */
    void endSession(Session s) {
        s.disconnectTrees();
        for (Dispatcher c : List.copyOf(s.channels.keySet())) {
            if (c != this) {
                c.cancelPending(s.id);
                c.sessions.remove(s.id, s);
            }
        }
        s.channels.clear();
        cancelPending(s.id);
        sessions.remove(s.id, s);
        ctx.sessionOwners().remove(s.id);
    }

    /** The connection ended: cancels pending work and closes every tree. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        // work of a session that lives on in another channel goes on (a pending CREATE stays pending for a
        // replay on another channel, [MS-SMB2] 3.3.5.9.10, smbtorture replay.dhv2-pending2*-sane); the rest ends
        pending.cancelWhere(sessionId -> {
            Session s = sessions.get(sessionId);
            return s == null || s.channels.keySet().stream().allMatch(c -> c == this);
        });
        for (Session s : sessions.values()) {
            s.channels.remove(this);
            Dispatcher other = s.channels.keySet().stream().findFirst().orElse(null);
            if (other == null) {
                s.disconnectTrees(); // the session's last channel; durable opens stay for a reconnect
                ctx.sessionOwners().remove(s.id, this);
            } else {
                ctx.sessionOwners().replace(s.id, this, other);
            }
        }
        sessions.clear();
    }
}
