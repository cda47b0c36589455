package org.smbscope.server.smb1;

import static org.smbscope.server.smb1.TreeCalls.MAX_IO;
import static org.smbscope.server.smb1.TreeCalls.call;
import static org.smbscope.server.smb1.TreeCalls.createRequest;
import static org.smbscope.server.smb1.TreeCalls.fail;
import static org.smbscope.server.smb1.TreeCalls.shareRelative;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.smb1.CloseRequest;
import org.smbscope.codec.smb1.FlushRequest;
import org.smbscope.codec.smb1.NtCreateAndXRequest;
import org.smbscope.codec.smb1.NtCreateAndXResponse;
import org.smbscope.codec.smb1.PathRequest;
import org.smbscope.codec.smb1.ReadAndXRequest;
import org.smbscope.codec.smb1.ReadAndXResponse;
import org.smbscope.codec.smb1.Smb1Block;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1EmptyMessage;
import org.smbscope.codec.smb1.Smb1Message;
import org.smbscope.codec.smb1.Smb1RawMessage;
import org.smbscope.codec.smb1.TransactionRequest;
import org.smbscope.codec.smb1.TransactionResponse;
import org.smbscope.codec.smb1.WriteAndXRequest;
import org.smbscope.codec.smb1.WriteAndXResponse;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.CtlCode;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.IoctlRequest;
import org.smbscope.codec.smb2.IoctlResponse;
import org.smbscope.codec.smb2.ReadRequest;
import org.smbscope.codec.smb2.ReadResponse;
import org.smbscope.codec.smb2.SetInfoRequest;
import org.smbscope.codec.smb2.ShareAccess;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.WriteRequest;
import org.smbscope.codec.smb2.WriteResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;
import org.smbscope.server.tree.TreeHandler;

/**
 * The SMB1 file commands mapped onto a share's {@link TreeHandler} ([MS-CIFS] 3.3.5): each SMB1 request becomes
 * one or more {@code codec.smb2} requests (NT_CREATE_ANDX a CREATE, READ_ANDX a READ, TRANS2 FIND_FIRST2 a CREATE of
 * the directory and QUERY_DIRECTORYs, DELETE a CREATE + SET_INFO disposition + CLOSE, ...), and the SMB2 answer is
 * turned back into the SMB1 response. 16-bit FIDs and search ids map to the handler's FileIds.
 */
final class Smb1Files {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Smb1Files.class);

    record Open(Smb1Dispatcher.Tree tree, FileId id, String name) {
    }

    private final Smb1Dispatcher d;
    final Map<Integer, Open> fids = new HashMap<>();
    /** Each open's SMB1 file pointer ([MS-CIFS] 2.2.4.19 SEEK), moved by SEEK and by every read and write. */
    final Map<Open, Long> pointers = new HashMap<>();
    final Smb1PidLocks pidLocks = new Smb1PidLocks();
    /** The PID of the request being handled (PIDLow, [MS-CIFS] 2.2.3.1), the owner of the locks it takes. */
    int pid;
    /** Flags2 of the request being handled. */
    private int flags2;
    /**
     * Opens granted FILE_EXECUTE but not FILE_READ_DATA: [MS-CIFS] 2.2.3.1 SMB_FLAGS2_READ_IF_EXECUTE lets a read
     * on them succeed; without it the read is denied.
     */
    private final java.util.Set<Open> executeOnly = new java.util.HashSet<>();
    private final Smb1LegacyOpens legacyOpens = new Smb1LegacyOpens(this);
    /** The FID opened by an earlier command of the chain being answered, -1 when none (AndX chains, [MS-CIFS] 3.3.5.x). */
    private int chainFid = -1;
    private Smb1Dispatcher.Ids chainIds;
    private final Smb1Trans2 trans2 = new Smb1Trans2(this);
    private final Smb1NtTransact ntTransact = new Smb1NtTransact(this);
    private final Smb1Search search = new Smb1Search(this);
    private final Smb1CoreCommands core;
    private final Smb1Locking locking = new Smb1Locking(this);
    /** The PID that opened each FID ([MS-CIFS] 2.2.4.18 PROCESS_EXIT closes them). */
    private final Map<Integer, Integer> openers = new HashMap<>();
    private int nextFid = 1;

    Smb1Files(Smb1Dispatcher d) {
        this.d = d;
        this.core = new Smb1CoreCommands(this);
    }

    Smb1Dispatcher dispatcher() {
        return d;
    }

    /** {@code x} takes the turn again after a wait: the per-request fields are its own again. */
    void resume(Smb1Exchange x) {
        pid = x.header.pidLow();
        flags2 = x.header.flags2().value();
    }

    /** PROCESS_EXIT: closes every FID of the session's trees that {@code exitPid} opened. */
    void processExit(Smb1Dispatcher.Session s, int exitPid) {
        RequestContext ctx = new RequestContext(Smb2Dialect.SMB_2_1, s.user, s.guest, MAX_IO, MAX_IO, MAX_IO,
                d.requests.current());
        for (Map.Entry<Integer, Open> e : List.copyOf(fids.entrySet())) {
            Integer opener = openers.get(e.getKey());
            Smb1Dispatcher.Tree t = e.getValue().tree();
            if (opener != null && opener == exitPid && s.trees.get(t.tid()) == t) {
                close(ctx, t, e.getKey(), Smb1Command.CLOSE);
            }
        }
    }

    Smb1Dispatcher.R handle(Smb1Message m, Smb1Block b, Smb1Dispatcher.Ids ids, Smb1Dispatcher.Session s,
            Smb1Dispatcher.Tree t) {
        RequestContext ctx = new RequestContext(Smb2Dialect.SMB_2_1, s.user, s.guest, MAX_IO, MAX_IO, MAX_IO,
                d.requests.current());
        boolean unicode = ids.request.flags2().unicode();
        // Windows and Samba own locks and opens by PIDLow alone (smbtorture raw.lock pidhigh)
        pid = ids.request.pidLow();
        flags2 = ids.request.flags2().value();
        if (chainIds != ids) {
            chainIds = ids;
            chainFid = -1;
        }
        return switch (m) {
            case NtCreateAndXRequest c -> create(ctx, t, c);
            case ReadAndXRequest r -> read(ctx, t, r);
            case WriteAndXRequest w -> write(ctx, t, w);
            case CloseRequest c -> close(ctx, t, c.fid(), Smb1Command.CLOSE);
            case FlushRequest f -> flush(ctx, t, f);
            case PathRequest p -> Smb1PathCommands.path(ctx, t, p);
            case TransactionRequest tr when tr.command().equals(Smb1Command.TRANSACTION) -> trans(ctx, t, tr);
            case TransactionRequest tr -> trans2.trans2(ctx, t, tr, unicode);
            case org.smbscope.codec.smb1.NtTransactMessage nt -> ntTransact.ntTransact(ctx, t, nt, unicode);
            case Smb1RawMessage raw when raw.command().value() == 0x34 -> trans2.findClose(ctx, raw);
            case Smb1RawMessage raw when raw.command().value() == 0x10 -> Smb1PathCommands.checkDirectory(ctx, t, b, unicode);
            case Smb1RawMessage raw when raw.command().value() == 0x2D -> legacyOpens.openAndX(ctx, t, b, unicode);
            case Smb1RawMessage raw when raw.command().value() == 0x02 -> legacyOpens.open(ctx, t, b, unicode);
            case Smb1RawMessage raw when raw.command().value() == 0x03 -> legacyOpens.create(ctx, t, b, unicode, false);
            case Smb1RawMessage raw when raw.command().value() == 0x0F -> legacyOpens.create(ctx, t, b, unicode, true);
            case Smb1RawMessage raw when raw.command().value() == 0x08 -> core.queryInformation(ctx, t, b, unicode);
            case Smb1RawMessage raw when raw.command().value() == 0x09 -> core.setInformation(ctx, t, b, unicode);
            case Smb1RawMessage raw when raw.command().value() == 0x24 -> locking.locking(ctx, t, b);
            case Smb1RawMessage raw when raw.command().value() == 0x0C -> locking.coreLock(ctx, t, b, false);
            case Smb1RawMessage raw when raw.command().value() == 0x0D -> locking.coreLock(ctx, t, b, true);
            case Smb1RawMessage raw when raw.command().value() == 0x23 -> core.getAttrE(ctx, t, raw);
            case Smb1RawMessage raw when raw.command().value() == 0x0A -> core.coreRead(ctx, t, raw);
            case Smb1RawMessage raw when raw.command().value() == 0x12 -> core.seek(ctx, t, raw);
            case Smb1RawMessage raw when raw.command().value() == 0x81 -> search.search(ctx, t, raw, b.dataOffset(), unicode);
            case Smb1RawMessage raw when raw.command().value() == 0x0B -> core.coreWrite(ctx, t, raw);
            case Smb1RawMessage raw when raw.command().value() == 0x0E -> core.createTemporary(ctx, t, b, unicode);
            case Smb1RawMessage raw when raw.command().value() == 0x2C -> core.writeAndClose(ctx, t, raw);
            case Smb1RawMessage raw when raw.command().value() == 0xA5 -> Smb1PathCommands.ntRename(ctx, t, b, unicode);
            default -> {
                LOG.warn("SMB1 {} from {} not implemented", m.command().name(), d.peer);
                yield Smb1Dispatcher.R.err(NtStatus.NOT_IMPLEMENTED, m.command());
            }
        };
    }

    // ---- NT_CREATE_ANDX, READ_ANDX, WRITE_ANDX, CLOSE, FLUSH

    private Smb1Dispatcher.R create(RequestContext ctx, Smb1Dispatcher.Tree t, NtCreateAndXRequest c) {
        String name = c.fileName();
        if (c.rootDirectoryFid() != 0) {
            // relative to an open directory ([MS-CIFS] 2.2.4.64.1 RootDirectoryFID)
            Open root = open(t, (int) c.rootDirectoryFid());
            if (root == null || c.rootDirectoryFid() > 0xFFFF) {
                return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, c.command());
            }
            String rel = shareRelative(name);
            name = root.name().isEmpty() ? rel : rel.isEmpty() ? root.name() : root.name() + "\\" + rel;
        }
        if (fids.size() >= 4096) {
            return Smb1Dispatcher.R.err(NtStatus.INSUFFICIENT_RESOURCES, c.command());
        }
        int options = (int) c.createOptions();
        if ((options & Smb1NtTransact.INVALID_OPTIONS) != 0) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c.command());
        }
        // a directory opened delete-on-close while it has entries opens (Windows marks it when it can; the
        // handler refuses the open), so ask for the deletion after the open and ignore DIRECTORY_NOT_EMPTY
        boolean dirDeleteOnClose = (options & 0x1001) == 0x1001 && (c.desiredAccess() & 0x12010000L) != 0;
        if (dirDeleteOnClose) {
            options &= ~0x1000;
        }
        CreateRequest req = Smb1Oplocks.withLevel(createRequest(name, (int) c.desiredAccess(),
                (int) c.createDisposition(), options, (int) c.extFileAttributes(), new ShareAccess((int) c.shareAccess())),
                t.ipc() ? org.smbscope.codec.smb2.OplockLevel.NONE : Smb1Oplocks.requested(c.flags()));
        Outcome.Done done = TreeCalls.open(t.handler(), ctx, req);
        if (done.status().value() != 0 || !(done.response() instanceof CreateResponse cr)) {
            return fail(done, c.command());
        }
        if (!d.connected(t)) {
            // the tree went while the open waited
            call(t.handler(), ctx, new org.smbscope.codec.smb2.CloseRequest(0, cr.fileId()));
            return Smb1Dispatcher.R.err(NtStatus.NETWORK_NAME_DELETED, c.command());
        }
        if (dirDeleteOnClose) {
            call(t.handler(), ctx, new SetInfoRequest(InfoType.FILE, FileInformationClass.DISPOSITION.value(),
                    new byte[] {1}, 0, cr.fileId()));
        }
        int fid = newFid();
        Open opened = new Open(t, cr.fileId(), req.name());
        fids.put(fid, opened);
        opened(fid);
        if (cr.oplockLevel().value() != 0) {
            d.oplocks.granted(cr.fileId(), t.tid(), fid);
        }
        // FILE_READ_DATA, GENERIC_ALL, MAXIMUM_ALLOWED, GENERIC_READ vs FILE_EXECUTE, GENERIC_EXECUTE
        if ((c.desiredAccess() & 0x12000001L) == 0 && (c.desiredAccess() & 0x80000000L) == 0
                && (c.desiredAccess() & 0x20000020L) != 0) {
            executeOnly.add(opened);
        }
        int attrs = FileAttribute.toMask(cr.fileAttributes());
        boolean dir = cr.fileAttributes().contains(FileAttribute.DIRECTORY);
        return Smb1Dispatcher.R.ok(new NtCreateAndXResponse(Smb1Oplocks.responseLevel(cr.oplockLevel(), d.clientCaps), fid, cr.createAction().value(), cr.creationTime().value(),
                cr.lastAccessTime().value(), cr.lastWriteTime().value(), cr.changeTime().value(), attrs & 0xFFFFFFFFL,
                cr.allocationSize(), cr.endOfFile(), t.ipc() ? 2 : 0, t.ipc() ? 0x05FF : 0, dir, null, 0, 0, 0));
    }

    Smb1LegacyOpens legacyOpens() {
        return legacyOpens;
    }

    /** {@code fid} was opened by the command being answered: a later command of its chain may name it as FID 0. */
    void opened(int fid) {
        chainFid = fid;
    }

    /** A FID of a chained command: 0 or 0xFFFF after an open earlier in the chain means that open. */
    private int chained(int fid) {
        return (fid == 0 || fid == 0xFFFF) && chainFid > 0 && open(chainFidTree(), chainFid) != null ? chainFid : fid;
    }

    private Smb1Dispatcher.Tree chainFidTree() {
        Open o = fids.get(chainFid);
        return o == null ? null : o.tree();
    }

    /** Closes a FID this server opened for a command that then failed. */
    void closeFid(RequestContext ctx, Smb1Dispatcher.Tree t, int fid) {
        close(ctx, t, fid, Smb1Command.CLOSE);
    }

    int newFid() {
        for (int i = 0; i < 0xFFFF; i++) {
            int f = nextFid;
            nextFid = nextFid >= 0xFFFE ? 1 : nextFid + 1;
            if (!fids.containsKey(f)) {
                openers.put(f, pid);
                return f;
            }
        }
        throw new IllegalStateException("no free FID");
    }

    Open open(Smb1Dispatcher.Tree t, int fid) {
        Open o = fids.get(fid);
        return o != null && o.tree() == t ? o : null;
    }

    private Smb1Dispatcher.R read(RequestContext ctx, Smb1Dispatcher.Tree t, ReadAndXRequest r) {
        Open o = open(t, chained(r.fid()));
        if (o == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, r.command());
        }
        long count = r.maxCount();
        if ((d.clientCaps & org.smbscope.codec.smb1.Capabilities.LARGE_READX) == 0) {
            count = Math.min(count, d.clientMaxBuffer);
        }
        int len = (int) Math.min(count, MAX_IO);
        if ((flags2 & 0x2000) == 0 && executeOnly.contains(o)) {
            return Smb1Dispatcher.R.err(NtStatus.ACCESS_DENIED, r.command());
        }
        if (pidLocks.readConflicts(o, pid, r.offset(), len)) {
            return Smb1Dispatcher.R.err(NtStatus.FILE_LOCK_CONFLICT, r.command());
        }
        Outcome.Done done = call(t.handler(), ctx, ReadRequest.of(o.id(), r.offset(), len));
        if (done.status().equals(NtStatus.END_OF_FILE) && !t.ipc()) {
            // SMB1 reads at or past the end succeed with no data ([MS-CIFS] 3.3.5.36)
            return Smb1Dispatcher.R.ok(new ReadAndXResponse(0xFFFF, new byte[0]));
        }
        boolean overflow = done.status().equals(NtStatus.BUFFER_OVERFLOW);
        if ((done.status().value() != 0 && !overflow) || !(done.response() instanceof ReadResponse rr)) {
            return fail(done, r.command());
        }
        ByteBuffer data = rr.data().duplicate();
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        if (!t.ipc()) {
            core.readDone(ctx, t, o, r.offset() + bytes.length);
        }
        return new Smb1Dispatcher.R(done.status(), new ReadAndXResponse(t.ipc() ? 0 : 0xFFFF, bytes));
    }

    private Smb1Dispatcher.R write(RequestContext ctx, Smb1Dispatcher.Tree t, WriteAndXRequest w) {
        Open o = open(t, chained(w.fid()));
        if (o == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, w.command());
        }
        byte[] data = w.data();
        if (pidLocks.writeConflicts(o, pid, w.offset(), data.length)) {
            return Smb1Dispatcher.R.err(NtStatus.FILE_LOCK_CONFLICT, w.command());
        }
        long position = t.ipc() ? -1 : core.position(ctx, t, o);
        Outcome.Done done = call(t.handler(), ctx, WriteRequest.of(o.id(), w.offset(), ByteBuffer.wrap(data)));
        core.restorePosition(ctx, t, o, position);
        if (done.status().value() != 0 || !(done.response() instanceof WriteResponse wr)) {
            return fail(done, w.command());
        }
        pointers.put(o, (w.offset() + (wr.count() & 0xFFFFFFFFL)) & 0xFFFFFFFFL);
        return Smb1Dispatcher.R.ok(new WriteAndXResponse(wr.count() & 0xFFFFFFFFL, 0xFFFF));
    }

    void forget(Open o) {
        pointers.remove(o);
        pidLocks.forget(o);
        executeOnly.remove(o);
        legacyOpens.dosOpens.remove(o);
    }

    Smb1Dispatcher.R close(RequestContext ctx, Smb1Dispatcher.Tree t, int fid, Smb1Command c) {
        Open o = open(t, fid);
        if (o == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, c);
        }
        fids.remove(fid);
        openers.remove(fid);
        if (fids.containsValue(o)) {
            return Smb1Dispatcher.R.ok(new Smb1EmptyMessage(c, true)); // a DENY_DOS handle another FID still uses
        }
        forget(o);
        d.oplocks.closed(o.id());
        Outcome.Done done = call(t.handler(), ctx, new org.smbscope.codec.smb2.CloseRequest(0, o.id()));
        d.requests.changed();
        if (done.status().value() != 0) {
            return fail(done, c);
        }
        return Smb1Dispatcher.R.ok(new Smb1EmptyMessage(c, true));
    }

    private Smb1Dispatcher.R flush(RequestContext ctx, Smb1Dispatcher.Tree t, FlushRequest f) {
        if (f.fid() == 0xFFFF) {
            return Smb1Dispatcher.R.ok(new Smb1EmptyMessage(f.command(), true));
        }
        Open o = open(t, f.fid());
        if (o == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, f.command());
        }
        Outcome.Done done = call(t.handler(), ctx, new org.smbscope.codec.smb2.FlushRequest(o.id()));
        return done.status().value() != 0 ? fail(done, f.command())
                : Smb1Dispatcher.R.ok(new Smb1EmptyMessage(f.command(), true));
    }

    /** TREE_DISCONNECT, LOGOFF, connection end: forgets the tree's FIDs and searches and closes its handler. */
    void closeTree(Smb1Dispatcher.Tree t) {
        fids.values().removeIf(o -> {
            if (o.tree() != t) {
                return false;
            }
            d.oplocks.closed(o.id());
            return true;
        });
        openers.keySet().removeIf(f -> !fids.containsKey(f));
        pointers.keySet().removeIf(o -> o.tree() == t);
        pidLocks.forgetIf(o -> o.tree() == t);
        executeOnly.removeIf(o -> o.tree() == t);
        legacyOpens.dosOpens.keySet().removeIf(o -> o.tree() == t);
        trans2.closeTree(t);
        search.closeTree(t);
        try {
            t.handler().close();
        } catch (RuntimeException ignored) {
            // closing anyway
        }
        d.requests.changed();
    }

    // ---- TRANS: \PIPE\LANMAN and TransactNmPipe

    private Smb1Dispatcher.R trans(RequestContext ctx, Smb1Dispatcher.Tree t, TransactionRequest tr) {
        if (tr.totalParameterCount() != tr.parameters().length || tr.totalDataCount() != tr.data().length) {
            return Smb1Dispatcher.R.err(NtStatus.NOT_SUPPORTED, tr.command());
        }
        String name = tr.name().toUpperCase(java.util.Locale.ROOT);
        if (name.equals("\\PIPE\\LANMAN")) {
            return Smb1Lanman.answer(d, tr);
        }
        int[] setup = tr.setup();
        if (name.startsWith("\\PIPE\\") && setup.length == 2 && setup[0] == TransactionRequest.TRANS_TRANSACT_NMPIPE) {
            Open o = open(t, setup[1]);
            if (o == null) {
                return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, tr.command());
            }
            Outcome.Done done = call(t.handler(), ctx, IoctlRequest.fsctl(CtlCode.FSCTL_PIPE_TRANSCEIVE, o.id(), tr.data(),
                    Math.min(tr.maxDataCount(), 65535)));
            boolean overflow = done.status().equals(NtStatus.BUFFER_OVERFLOW);
            if ((done.status().value() != 0 && !overflow) || !(done.response() instanceof IoctlResponse ir)) {
                return fail(done, tr.command());
            }
            return new Smb1Dispatcher.R(done.status(), TransactionResponse.of(tr.command(), new byte[0], ir.output()));
        }
        return Smb1Dispatcher.R.err(NtStatus.NOT_SUPPORTED, tr.command());
    }

    // ---- commands the codec keeps raw

}
