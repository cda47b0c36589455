package org.smbscope.server.smb2;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.codec.crypto.Smb2Signer;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.CtlCode;
import org.smbscope.codec.smb2.EchoResponse;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.IoctlRequest;
import org.smbscope.codec.smb2.IoctlResponse;
import org.smbscope.codec.smb2.LogoffResponse;
import org.smbscope.codec.smb2.NegotiateResponse;
import org.smbscope.codec.smb2.SessionSetupRequest;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2DecodeException;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.Smb2Request;
import org.smbscope.codec.smb2.TreeConnectRequest;
import org.smbscope.codec.smb2.TreeDisconnectResponse;
import org.smbscope.codec.smb2.ValidateNegotiateInfo;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;

/**
 * The per-message checks after the credit window and the commands the dispatcher answers itself
 * ([MS-SMB2] 3.3.5.2.9 session, 3.3.5.2.4 signature, 3.3.5.2.11 tree, 3.3.5.6 LOGOFF, 3.3.5.8 TREE_DISCONNECT,
 * 3.3.5.12 ECHO, 3.3.5.15.12 FSCTL_VALIDATE_NEGOTIATE_INFO); the file commands go to the tree's handler.
 */
final class Commands {
    private static final Logger LOG = LoggerFactory.getLogger(Commands.class);

    private final Dispatcher d;
    private final SessionSetup sessionSetup;
    private final TreeConnect treeConnect;

    Commands(Dispatcher d) {
        this.d = d;
        this.sessionSetup = new SessionSetup(d);
        this.treeConnect = new TreeConnect(d);
    }

    Reply dispatch(byte[] msg, Smb2Header h0, Smb2Request req, Dispatcher.Frame f, Chain chain,
            int grant) throws Dispatcher.Drop {
        Smb2Header h = h0;
        boolean related = h.flags().isRelated();
        if (!related) {
            chain.createError = null;
            chain.prevValid = false;
            chain.fileId = null;
        } else {
            if (chain.index == 0) {
                // [MS-SMB2] 3.3.5.2.7.2: the first message cannot be related; its followers fail alike
                chain.createError = NtStatus.INVALID_PARAMETER;
                return d.error(h, NtStatus.INVALID_PARAMETER, grant, null);
            }
            if (chain.createError != null) {
                return d.error(h, chain.createError, grant, null);
            }
            if (!chain.prevValid) {
                return d.error(h, NtStatus.INVALID_PARAMETER, grant, null);
            }
            h = h.withSessionId(chain.sessionId).withTreeId(chain.treeId);
        }
        Smb2Command cmd = h.command();
        if (cmd.equals(Smb2Command.SESSION_SETUP)) {
            Reply r = sessionSetup.handle(msg, h, (SessionSetupRequest) req, f, grant);
            remember(chain, h, r, null);
            return r;
        }
        if (cmd.equals(Smb2Command.ECHO) && h.sessionId() == 0) {
            return Dispatcher.send(Smb2Header.responseTo(h, NtStatus.SUCCESS, grant), new EchoResponse(), null);
        }
        Session s = d.sessions.get(h.sessionId());
        if (s == null || !s.valid()) {
            chain.prevValid = false;
            return d.unsignable(h, NtStatus.USER_SESSION_DELETED, grant);
        }
        boolean signed = h.flags().isSigned();
        Smb2Signer channelSigner = s.signerOn(d);
        if (signed && channelSigner != null && !f.encrypted() && f.length(msg) >= CryptoWarmups.BULK) {
            d.ctx.warmups().warm(channelSigner.algorithm(), null);
        }
        if (signed && channelSigner != null && !f.encrypted()
                && !(f.arriving() != null ? f.arriving().verify(channelSigner, f.direct())
                        : f.direct() != null ? channelSigner.verify(f.direct()) : channelSigner.verify(msg, 0, msg.length))) {
            LOG.debug("bad signature on {} from {}: message dropped", cmd.name(), d.peer);
            return new Reply.Silent(true);
        }
        if (!signed && !f.encrypted() && s.signingRequired) {
            return remember(chain, h, d.error(h, NtStatus.ACCESS_DENIED, grant, null), null);
        }
        if (s.encryptData && !f.encrypted()) {
            return remember(chain, h, d.error(h, NtStatus.ACCESS_DENIED, grant, null), null);
        }
        if (f.encrypted() && f.sealedBy() != s) {
            return remember(chain, h, d.error(h, NtStatus.ACCESS_DENIED, grant, null), null);
        }
        Smb2Signer signer = f.encrypted() ? null : (signed || s.signingRequired) ? channelSigner : null;
        Smb2Header rh = Smb2Header.responseTo(h, NtStatus.SUCCESS, grant);
        if (cmd.equals(Smb2Command.LOGOFF)) {
            // the handlers finish what their closed opens had pending (Windows answers a blocked lock), then cancel
            d.endSession(s);
            return remember(chain, h, Dispatcher.send(rh, new LogoffResponse(), signer), null);
        }
        if (cmd.equals(Smb2Command.TREE_CONNECT)) {
            Reply r = treeConnect.handle(h, (TreeConnectRequest) req, s, grant, signer);
            remember(chain, h, r, null);
            if (r instanceof Reply.Send send && readStatus(send.bytes()) == 0) {
                chain.treeId = readTreeId(send.bytes());
            }
            return r;
        }
        if (cmd.equals(Smb2Command.ECHO)) {
            return remember(chain, h, Dispatcher.send(rh, new EchoResponse(), signer), null);
        }
        TreeConnection t = s.trees.get(h.treeId());
        if (t == null) {
            return remember(chain, h, d.error(h, NtStatus.NETWORK_NAME_DELETED, grant, signer), null);
        }
        if (t.encrypt() && !f.encrypted()) {
            return remember(chain, h, d.error(h, NtStatus.ACCESS_DENIED, grant, signer), null);
        }
        if (cmd.equals(Smb2Command.TREE_DISCONNECT)) {
            s.trees.remove(t.id());
            t.close();
            return remember(chain, h, Dispatcher.send(rh, new TreeDisconnectResponse(), signer), null);
        }
        Smb2Request r = req;
        FileId id = FileIds.of(r);
        if (related && id != null && id.equals(FileId.RELATED)) {
            if (chain.fileId == null) {
                return remember(chain, h, d.error(h, NtStatus.INVALID_PARAMETER, grant, signer), null);
            }
            r = FileIds.with(r, chain.fileId);
            id = chain.fileId;
        }
        if (r instanceof IoctlRequest io && io.ctlCode().equals(CtlCode.FSCTL_VALIDATE_NEGOTIATE_INFO)) {
            return remember(chain, h, validateNegotiate(h, io, grant, signer), id);
        }
        if (r instanceof IoctlRequest io && io.ctlCode().equals(CtlCode.FSCTL_QUERY_NETWORK_INTERFACE_INFO)) {
            return remember(chain, h, interfaceInfo(h, io, grant, signer), id);
        }
        NegotiateResponse nr = d.negotiated().response();
        org.smbscope.codec.smb2.NegotiateRequest nq = d.negotiateRequest();
        // a large READ may put its data into one of the connection's direct buffers (see Dispatcher.send)
        java.nio.ByteBuffer readBuffer = d.buffers != null && r instanceof org.smbscope.codec.smb2.ReadRequest rr
                && (rr.length() & 0xFFFFFFFFL) >= Connection.DIRECT_FROM ? d.buffers.take(rr.length()) : null;
        RequestContext rc = new RequestContext(nr.dialect(), s.user, s.guest || s.anonymous,
                (int) Math.min(Integer.MAX_VALUE, nr.maxReadSize()), (int) Math.min(Integer.MAX_VALUE, nr.maxWriteSize()),
                (int) Math.min(Integer.MAX_VALUE, nr.maxTransactSize()), new Breaks(d, s),
                null, nq == null ? null : nq.clientGuid(),
                h.flags().has(org.smbscope.codec.smb2.Smb2Flags.REPLAY_OPERATION),
                nr.dialect().value() >= 0x0300 ? h.status().value() & 0xFFFF : -1, // ChannelSequence on 3.x
                readBuffer, arrivalFor(f, r, t));
        Outcome o;
        try {
            o = t.handler().handle(rc, r);
        } catch (RuntimeException e) {
            LOG.warn("{} on share {} failed", cmd.name(), t.share(), e);
            o = Outcome.Done.error(NtStatus.INTERNAL_ERROR, cmd);
        }
        switch (o) {
            case Outcome.Done done -> {
                Reply.Send send = Dispatcher.send(rh.withStatus(done.status()), done.response(), signer, readBuffer);
                if (readBuffer != null && send.release() == null) {
                    d.buffers.give(readBuffer); // not used (an error, or the data went elsewhere)
                }
                FileId next = id;
                if (done.response() instanceof CreateResponse cr && !done.status().isError()) {
                    next = cr.fileId();
                }
                if (cmd.equals(Smb2Command.CREATE) && done.status().isError()) {
                    // Windows and Samba fail the related followers of a failed CREATE with its status
                    chain.createError = done.status();
                }
                return remember(chain, h, send, next);
            }
            case Outcome.Pending p -> {
                chain.sessionId = h.sessionId();
                chain.treeId = h.treeId();
                chain.fileId = id;
                chain.prevValid = true;
                return new Reply.Later(rh, p, s, d.newAsyncId(), signed);
            }
        }
    }

    /** Oplock and lease breaks for the opens of session {@code s}, sent on its connection. */
    private record Breaks(Dispatcher d, Session s) implements org.smbscope.server.tree.BreakSender {
        @Override
        public boolean oplockBreak(FileId fileId, org.smbscope.codec.smb2.OplockLevel level) {
            return d.oplockBreak(s, fileId, level);
        }

        @Override
        public boolean leaseBreak(org.smbscope.codec.smb2.LeaseBreakNotification n) {
            return d.leaseBreak(s, n);
        }
    }

    /** Records what a related follower needs: the session, tree, FileId and status of this message. */
    /**
     * For a WRITE whose data the reader is still reading ({@link ArrivingWrite}), how far it has come, when the tree's
     * handler takes that; for a handler that does not, null once all the data is there (a connection that ended
     * first is dropped: the rest of the buffer holds no data of this request).
     */
    private static org.smbscope.server.tree.Arrival arrivalFor(Dispatcher.Frame f, Smb2Request r, TreeConnection t)
            throws Dispatcher.Drop {
        if (f.arriving() == null) {
            return null;
        }
        if (r instanceof org.smbscope.codec.smb2.WriteRequest && t.handler().takesArrivingWrites()) {
            return f.arriving();
        }
        if (!f.arriving().whole()) {
            throw new Dispatcher.Drop("the connection ended in the middle of a WRITE");
        }
        return null;
    }

    private static Reply remember(Chain chain, Smb2Header h, Reply r, FileId id) {
        if (r instanceof Reply.Send send) {
            byte[] b = send.bytes();
            chain.sessionId = readSessionId(b);
            chain.prevValid = chain.sessionId != 0;
            chain.treeId = h.treeId();
            if (id != null) {
                chain.fileId = id;
            }
        }
        return r;
    }

    private Reply.Send validateNegotiate(Smb2Header h, IoctlRequest io, int grant, Smb2Signer signer)
            throws Dispatcher.Drop {
        ValidateNegotiateInfo.Request v;
        try {
            v = ValidateNegotiateInfo.Request.decode(io.input());
        } catch (Smb2DecodeException e) {
            return d.error(h, NtStatus.INVALID_PARAMETER, grant, signer);
        }
        org.smbscope.codec.smb2.NegotiateRequest n = d.negotiateRequest();
        if (n == null || !v.dialects().equals(n.dialects()) || !v.guid().equals(n.clientGuid())
                || v.securityMode().value() != n.securityMode().value()
                || v.capabilities().value() != n.capabilities().value()) {
            throw new Dispatcher.Drop("FSCTL_VALIDATE_NEGOTIATE_INFO does not match the NEGOTIATE");
        }
        NegotiateResponse nr = d.negotiated().response();
        byte[] out = new ValidateNegotiateInfo.Response(nr.capabilities(), nr.serverGuid(), nr.securityMode(),
                nr.dialect()).encode();
        return Dispatcher.send(Smb2Header.responseTo(h, NtStatus.SUCCESS, grant),
                new IoctlResponse(io.ctlCode(), io.fileId(), new byte[0], out, 0), signer);
    }

    /** [MS-SMB2] 3.3.5.15.11: FileId must be all ones; the one interface the client reached. */
    private Reply.Send interfaceInfo(Smb2Header h, IoctlRequest io, int grant, Smb2Signer signer) {
        if (!io.fileId().equals(FileId.RELATED)) {
            return d.error(h, NtStatus.INVALID_PARAMETER, grant, signer);
        }
        byte[] out = NetworkInterfaceInfo.encode(d.localAddress);
        if (Integer.toUnsignedLong(io.maxOutputResponse()) < out.length) {
            return d.error(h, NtStatus.BUFFER_TOO_SMALL, grant, signer);
        }
        return Dispatcher.send(Smb2Header.responseTo(h, NtStatus.SUCCESS, grant),
                new IoctlResponse(io.ctlCode(), io.fileId(), new byte[0], out, 0), signer);
    }

    static int readStatus(byte[] b) {
        return (b[8] & 0xFF) | (b[9] & 0xFF) << 8 | (b[10] & 0xFF) << 16 | (b[11] & 0xFF) << 24;
    }

    private static int readTreeId(byte[] b) {
        return (b[36] & 0xFF) | (b[37] & 0xFF) << 8 | (b[38] & 0xFF) << 16 | (b[39] & 0xFF) << 24;
    }

    private static long readSessionId(byte[] b) {
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (b[40 + i] & 0xFF);
        }
        return v;
    }
}
