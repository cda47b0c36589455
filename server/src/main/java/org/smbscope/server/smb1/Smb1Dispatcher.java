package org.smbscope.server.smb1;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.smbscope.codec.ntlm.NtlmServerContext;
import org.smbscope.codec.smb1.Capabilities;
import org.smbscope.codec.smb1.EchoMessage;
import org.smbscope.codec.smb1.LogoffAndX;
import org.smbscope.codec.smb1.NegotiateRequest;
import org.smbscope.codec.smb1.NegotiateResponse;
import org.smbscope.codec.smb1.SecurityMode;
import org.smbscope.codec.smb1.SessionSetupAndXRequest;
import org.smbscope.codec.smb1.Smb1Block;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1DecodeException;
import org.smbscope.codec.smb1.Smb1EmptyMessage;
import org.smbscope.codec.smb1.Smb1ErrorResponse;
import org.smbscope.codec.smb1.Smb1Flags2;
import org.smbscope.codec.smb1.Smb1Header;
import org.smbscope.codec.smb1.Smb1Message;
import org.smbscope.codec.smb1.Smb1Messages;
import org.smbscope.codec.smb1.Smb1Packet;
import org.smbscope.codec.smb1.Smb1Signer;
import org.smbscope.codec.smb1.TransactionRequest;
import org.smbscope.codec.smb1.TransactionSecondaryRequest;
import org.smbscope.codec.smb1.TreeConnectAndXRequest;
import org.smbscope.codec.smb1.TreeConnectAndXResponse;
import org.smbscope.codec.spnego.NtlmSpnegoAcceptor;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.ShareConfig;
import org.smbscope.server.config.SigningPolicy;
import org.smbscope.server.tree.TreeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the SMB1 frames of one connection in order ([MS-CIFS] 3.3.5): the header and AndX chain are split by
 * the codec (a malformed frame is a {@link Drop}), each command of a chain is answered until one fails (the
 * failing command ends the chain with the error in the header), signatures are checked and made once signing
 * is active. Requests run one at a time ({@link Smb1Requests}): {@link #arrive} and {@link #answer} are called by the
 * holder of the connection's turn, which a pending request gives back while it waits.
 */
final class Smb1Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(Smb1Dispatcher.class);
    static final int MAX_BUFFER_SIZE = 65535;
    static final int MAX_MPX = 50;
    /** SMB_COM_PROCESS_EXIT ([MS-CIFS] 2.2.4.18): closes the files the PID opened. */
    static final int PROCESS_EXIT = 0x11;

    /** The connection must end. */
    static final class Drop extends Exception {
        Drop(String message) {
            super(message, null, false, false);
        }
    }

    /** One command's answer: the status for the header and the response block (null: send nothing). */
    record R(NtStatus status, Smb1Message message) {
        static R ok(Smb1Message m) {
            return new R(NtStatus.SUCCESS, m);
        }

        static R err(NtStatus s, Smb1Command c) {
            return new R(s, new Smb1ErrorResponse(c, s.value() & 0xFFFFFFFFL));
        }

        boolean stops() {
            int v = status.value();
            return v != 0 && v != NtStatus.BUFFER_OVERFLOW.value();
        }
    }

    /** The ids in force while a chain is answered (SESSION_SETUP and TREE_CONNECT set them for what follows). */
    static final class Ids {
        int uid;
        int tid;
        final Smb1Header request;

        Ids(Smb1Header request) {
            this.request = request;
            this.uid = request.uid();
            this.tid = request.tid();
        }
    }

    static final class Session {
        final int uid;
        boolean valid;
        String user = "";
        boolean guest;
        Object auth;
        NtlmServerContext ntlm;
        final Map<Integer, Tree> trees = new ConcurrentHashMap<>();

        Session(int uid) {
            this.uid = uid;
        }
    }

    record Tree(int tid, String share, TreeHandler handler, boolean ipc, boolean readOnly) {
    }

    final Smb1Services svc;
    final String peer;
    final ServerConfig config;
    private boolean negotiated;
    boolean extendedSecurity;
    byte[] challenge;
    long clientCaps;
    int clientMaxBuffer = MAX_BUFFER_SIZE;
    final Map<Integer, Session> sessions = new ConcurrentHashMap<>();
    private int nextTid = 1;
    byte[] macKey;
    private long sequence;
    final Smb1Requests requests = new Smb1Requests();
    final Smb1Oplocks oplocks = new Smb1Oplocks();
    final Smb1Files files;
    private final Smb1SessionSetup sessionSetup;
    private final Smb1Transactions transactions = new Smb1Transactions();

    Smb1Dispatcher(Smb1Services svc, String peer) {
        this.svc = svc;
        this.peer = peer;
        this.config = svc.config();
        this.files = new Smb1Files(this);
        this.sessionSetup = new Smb1SessionSetup(this);
    }

    /** A status made of a DOS error class (low byte) and code (high word), as Samba's NT_STATUS_DOS values are. */
    static boolean isDosError(NtStatus status) {
        int v = status.value();
        int cls = v & 0xFF;
        return v != 0 && (v >>> 24) == 0 && (v & 0xFF00) == 0 && (cls == 1 || cls == 2 || cls == 3 || cls == 0xFF);
    }

    /** The responses to one frame (none for NT_CANCEL), a pending request waiting in this thread. */
    List<byte[]> onFrame(byte[] frame) throws Drop {
        requests.acquire(null);
        try {
            Smb1Exchange x = arrive(frame);
            if (x == null) {
                return List.of();
            }
            requests.acquireHandedOver(x);
            return answer(x);
        } finally {
            requests.release();
        }
    }

    /**
     * A frame arrives (caller holds the turn, {@link Smb1Requests}): decoded, its signature checked and the sequence
     * number of its response reserved, in arrival order. NT_CANCEL is done here ([MS-CIFS] 3.3.5.52: the pending
     * request with its MID, PID, UID and TID is cancelled; no response): null.
     */
    Smb1Exchange arrive(byte[] frame) throws Drop {
        Smb1Packet p;
        try {
            p = Smb1Packet.decode(frame);
        } catch (Smb1DecodeException e) {
            throw new Drop("bad SMB1 message: " + e.getMessage());
        }
        Smb1Header h = p.header();
        if (h.isReply()) {
            throw new Drop("a response sent to the server");
        }
        boolean cancel = h.command().equals(Smb1Command.NT_CANCEL);
        // requests without a response take one sequence number ([MS-CIFS] 3.2.4.1.1): NT_CANCEL, secondaries
        boolean oneWay = cancel || h.command().equals(Smb1Command.TRANSACTION_SECONDARY)
                || h.command().equals(Smb1Command.TRANSACTION2_SECONDARY)
                || h.command().equals(Smb1Command.NT_TRANSACT_SECONDARY);
        long responseSeq = 0;
        if (macKey != null) {
            long seq = sequence;
            sequence += oneWay ? 1 : 2;
            if (!Smb1Signer.verify(macKey, frame, seq)) {
                throw new Drop("bad signature on " + h.command().name() + " (sequence " + seq + ")");
            }
            responseSeq = seq + 1;
        }
        if (!negotiated && !h.command().equals(Smb1Command.NEGOTIATE)) {
            throw new Drop("first message is " + h.command().name() + ", not NEGOTIATE");
        }
        if (cancel) {
            requests.cancel(h.mid(), h.pidHigh() << 16 | h.pidLow(), h.uid(), h.tid());
            return null;
        }
        Smb1Exchange x = new Smb1Exchange(h, p, responseSeq, requests, oplocks);
        x.onResume = () -> files.resume(x);
        return x;
    }

    /** Answers a request that {@link #arrive} accepted (caller holds the turn; a pending request gives it back). */
    List<byte[]> answer(Smb1Exchange x) throws Drop {
        Smb1Packet p = x.packet;
        x.packet = null;
        Smb1Header h = x.header;
        long responseSeq = x.responseSequence;
        Ids ids = new Ids(h);
        List<Smb1Message> out = new ArrayList<>();
        NtStatus status = NtStatus.SUCCESS;
        boolean activate = false;
        for (Smb1Block b : p.blocks()) {
            Smb1Message m;
            try {
                m = Smb1Messages.decode(h, b);
            } catch (Smb1DecodeException e) {
                throw new Drop("bad " + b.command().name() + ": " + e.getMessage());
            }
            if (m instanceof TransactionRequest tr && p.blocks().size() == 1
                    && (tr.totalParameterCount() > tr.parameters().length || tr.totalDataCount() > tr.data().length)) {
                m = transactions.primary(h, tr);
                if (m == null) {
                    // the interim response: send the rest ([MS-CIFS] 3.3.5.57)
                    out.add(new Smb1EmptyMessage(tr.command(), true));
                    break;
                }
            } else if (m instanceof TransactionSecondaryRequest sec) {
                m = transactions.secondary(h, sec);
                if (m == null) {
                    return List.of();
                }
            }
            R r = handle(m, b, ids);
            if (r == null) {
                if (out.isEmpty()) {
                    return List.of();
                }
                break;
            }
            if (r.message != null) {
                out.add(r.message);
            }
            status = r.status;
            if (r.stops()) {
                break;
            }
        }
        if (out.isEmpty()) {
            return List.of();
        }
        activate = pendingMacKey != null;
        Smb1Flags2 f2 = h.flags2().with(Smb1Flags2.NT_STATUS).with(Smb1Flags2.LONG_NAMES)
                .without(Smb1Flags2.SMB_SECURITY_SIGNATURE).without(Smb1Flags2.SMB_SECURITY_SIGNATURE_REQUIRED);
        if (!extendedSecurity) {
            f2 = f2.without(Smb1Flags2.EXTENDED_SECURITY);
        }
        if (macKey != null || activate) {
            f2 = f2.with(Smb1Flags2.SMB_SECURITY_SIGNATURE);
        }
        if (isDosError(status)) {
            // a DOS class/code (ERRSRV/ERRbaduid...) goes out as a DOS error, NT_STATUS clear ([MS-CIFS] 2.2.1.4)
            f2 = f2.without(Smb1Flags2.NT_STATUS);
        }
        Smb1Header rh = new Smb1Header(h.command(), status.value(), h.flags().with(org.smbscope.codec.smb1.Smb1Flags.REPLY),
                f2, h.pidHigh(), new byte[8], ids.tid, h.pidLow(), ids.uid, h.mid());
        byte[] bytes = Smb1Packet.encode(rh, out);
        if (activate && pendingMacKey != null) {
            macKey = pendingMacKey;
            pendingMacKey = null;
            sequence = 2;
            responseSeq = 1;
        }
        if (macKey != null) {
            bytes = Smb1Signer.sign(macKey, bytes, responseSeq);
        }
        return List.of(bytes);
    }

    byte[] pendingMacKey;

    private R handle(Smb1Message m, Smb1Block b, Ids ids) throws Drop {
        return switch (m) {
            case NegotiateRequest n -> negotiate(n, ids);
            case SessionSetupAndXRequest s -> sessionSetup.sessionSetup(s, ids);
            case LogoffAndX l -> logoff(ids);
            case EchoMessage e -> R.ok(new EchoMessage(true, 1, e.data()));
            case TreeConnectAndXRequest t -> treeConnect(t, ids);
            default -> {
                if (m.command().equals(Smb1Command.NEGOTIATE)) {
                    throw new Drop("second NEGOTIATE");
                }
                Session s = sessions.get(ids.uid);
                if (s == null || !s.valid) {
                    yield R.err(NtStatus.SMB_BAD_UID, m.command());
                }
                if (m.command().value() == PROCESS_EXIT) {
                    files.processExit(s, ids.request.pidLow());
                    yield R.ok(new Smb1EmptyMessage(m.command(), true));
                }
                if (m.command().equals(Smb1Command.TREE_DISCONNECT)) {
                    Tree t = s.trees.remove(ids.tid);
                    if (t == null) {
                        yield R.err(NtStatus.SMB_BAD_TID, m.command());
                    }
                    files.closeTree(t);
                    int uid = ids.uid;
                    int tid = t.tid();
                    requests.abortIf(x -> x.uid() == uid && x.tid() == tid);
                    yield R.ok(new Smb1EmptyMessage(Smb1Command.TREE_DISCONNECT, true));
                }
                Tree t = s.trees.get(ids.tid);
                if (t == null) {
                    yield R.err(NtStatus.SMB_BAD_TID, m.command());
                }
                yield files.handle(m, b, ids, s, t);
            }
        };
    }

    private R negotiate(NegotiateRequest n, Ids ids) throws Drop {
        if (negotiated) {
            throw new Drop("second NEGOTIATE");
        }
        negotiated = true;
        int idx = n.dialects().indexOf(NegotiateRequest.NT_LM_0_12);
        if (idx < 0 || config.minProtocol() != org.smbscope.server.config.ProtocolLevel.NT1) {
            return R.ok(NegotiateResponse.noDialect());
        }
        int mode = SecurityMode.USER_SECURITY | SecurityMode.ENCRYPT_PASSWORDS;
        if (config.signing() != SigningPolicy.DISABLED) {
            mode |= SecurityMode.SIGNATURES_ENABLED;
        }
        if (config.signing() == SigningPolicy.MANDATORY) {
            mode |= SecurityMode.SIGNATURES_REQUIRED;
        }
        extendedSecurity = ids.request.flags2().has(Smb1Flags2.EXTENDED_SECURITY);
        long caps = Capabilities.UNICODE | Capabilities.LARGE_FILES | Capabilities.NT_SMBS | Capabilities.RPC_REMOTE_APIS
                | Capabilities.STATUS32 | Capabilities.NT_FIND | Capabilities.LARGE_READX | Capabilities.LARGE_WRITEX
                | Capabilities.INFOLEVEL_PASSTHRU | Capabilities.LEVEL_II_OPLOCKS;
        if (extendedSecurity) {
            caps |= Capabilities.EXTENDED_SECURITY;
        }
        long now = org.smbscope.codec.dtyp.FileTime.of(svc.clock().instant()).value();
        int tz = -svc.clock().getZone().getRules().getOffset(svc.clock().instant()).getTotalSeconds() / 60;
        if (extendedSecurity) {
            return R.ok(new NegotiateResponse(idx, new SecurityMode(mode), MAX_MPX, 1, MAX_BUFFER_SIZE, 65536, 0,
                    new Capabilities(caps), now, tz, null, null, null, svc.serverGuid(), NtlmSpnegoAcceptor.negotiateHint()));
        }
        challenge = svc.randomBytes(8);
        return R.ok(new NegotiateResponse(idx, new SecurityMode(mode), MAX_MPX, 1, MAX_BUFFER_SIZE, 65536, 0,
                new Capabilities(caps), now, tz, challenge, config.workgroup(), config.netbiosName(), null, null));
    }

    private R logoff(Ids ids) {
        Session s = sessions.remove(ids.uid);
        if (s == null) {
            return R.err(NtStatus.SMB_BAD_UID, Smb1Command.LOGOFF_ANDX);
        }
        for (Tree t : s.trees.values()) {
            files.closeTree(t);
        }
        s.trees.clear();
        requests.abortIf(x -> x.uid() == s.uid);
        return R.ok(new LogoffAndX(true));
    }

    private R treeConnect(TreeConnectAndXRequest req, Ids ids) {
        Session s = sessions.get(ids.uid);
        if (s == null || !s.valid) {
            return R.err(NtStatus.SMB_BAD_UID, req.command());
        }
        if ((req.flags() & TreeConnectAndXRequest.DISCONNECT_TID) != 0) {
            Tree old = s.trees.remove(ids.tid);
            if (old != null) {
                files.closeTree(old);
            }
        }
        String path = req.path();
        int slash = path.lastIndexOf('\\');
        String name = slash < 0 ? path : path.substring(slash + 1);
        if (name.isEmpty()) {
            return R.err(NtStatus.BAD_NETWORK_NAME, req.command());
        }
        boolean ipc = name.equalsIgnoreCase("IPC$");
        String service = req.service() == null ? "?????" : req.service();
        if (!service.equals(TreeConnectAndXRequest.ANY_SERVICE) && !service.equalsIgnoreCase(ipc ? "IPC" : "A:")) {
            return R.err(NtStatus.BAD_DEVICE_TYPE, req.command());
        }
        TreeHandler handler;
        String shareName;
        boolean readOnly = false;
        if (ipc) {
            shareName = "IPC$";
            handler = svc.ipc().get();
        } else {
            Optional<ShareConfig> found = config.share(name);
            if (found.isEmpty()) {
                return R.err(NtStatus.BAD_NETWORK_NAME, req.command());
            }
            ShareConfig share = found.get();
            if (!allowed(share, s)) {
                return R.err(NtStatus.ACCESS_DENIED, req.command());
            }
            shareName = share.name();
            readOnly = share.readOnly();
            try {
                handler = svc.disks().open(share);
            } catch (IOException e) {
                LOG.warn("share {}: {}", share.name(), e.toString());
                return R.err(NtStatus.BAD_NETWORK_NAME, req.command());
            }
        }
        int tid = nextTid++ & 0xFFFF;
        if (tid == 0 || tid == 0xFFFF) {
            tid = nextTid++ & 0xFFFF;
        }
        s.trees.put(tid, new Tree(tid, shareName, handler, ipc, readOnly));
        ids.tid = tid;
        long access = ipc || !readOnly ? 0x001F01FFL : 0x001200A9L;
        boolean ext = (req.flags() & TreeConnectAndXRequest.EXTENDED_RESPONSE) != 0;
        return R.ok(new TreeConnectAndXResponse(TreeConnectAndXResponse.SUPPORT_SEARCH_BITS, ext, access,
                s.guest ? access : 0, ipc ? "IPC" : "A:", ipc ? "" : "NTFS"));
    }

    static boolean allowed(ShareConfig share, Session s) {
        if (s.guest && !share.guestOk()) {
            return false;
        }
        if (share.validUsers().isEmpty()) {
            return true;
        }
        String user = s.user.toLowerCase(Locale.ROOT);
        return share.validUsers().stream().anyMatch(u -> u.toLowerCase(Locale.ROOT).equals(user));
    }

    static String nativeOs() {
        return "Windows Server 2003 3790 Service Pack 2";
    }

    static String nativeLanMan() {
        return "smbscope";
    }

    /** True while {@code t} is still connected (a request back from a wait checks that its tree is still there). */
    boolean connected(Tree t) {
        return sessions.values().stream().anyMatch(s -> s.trees.get(t.tid()) == t);
    }

    /** True while a tree is connected (the idle timeout spares such connections). */
    boolean hasTrees() {
        return sessions.values().stream().anyMatch(s -> !s.trees.isEmpty());
    }

    void close() {
        for (Session s : sessions.values()) {
            for (Tree t : s.trees.values()) {
                files.closeTree(t);
            }
        }
        sessions.clear();
    }

}
