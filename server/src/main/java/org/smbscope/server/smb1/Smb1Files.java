package org.smbscope.server.smb1;

import static org.smbscope.server.smb1.TreeCalls.ALL_SHARE;
import static org.smbscope.server.smb1.TreeCalls.MAX_IO;
import static org.smbscope.server.smb1.TreeCalls.call;
import static org.smbscope.server.smb1.TreeCalls.createRequest;
import static org.smbscope.server.smb1.TreeCalls.fail;
import static org.smbscope.server.smb1.TreeCalls.networkOpen;
import static org.smbscope.server.smb1.TreeCalls.shareRelative;
import static org.smbscope.server.smb1.TreeCalls.withOpen;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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
    private final Map<Open, Long> pointers = new HashMap<>();
    private final Smb1PidLocks pidLocks = new Smb1PidLocks();
    /** The PID of the request being handled ([MS-CIFS] 2.2.3.1 PIDHigh:PIDLow), the owner of the locks it takes. */
    private int pid;
    /** Flags2 of the request being handled. */
    private int flags2;
    /**
     * Opens granted FILE_EXECUTE but not FILE_READ_DATA: [MS-CIFS] 2.2.3.1 SMB_FLAGS2_READ_IF_EXECUTE lets a read
     * on them succeed; without it the read is denied.
     */
    private final java.util.Set<Open> executeOnly = new java.util.HashSet<>();
    /** OPEN_ANDX opens in DENY_DOS mode and the PID that opened them ([MS-CIFS] 3.3.5.35 compatibility mode). */
    private final Map<Open, Integer> dosOpens = new HashMap<>();
    private final Smb1Trans2 trans2 = new Smb1Trans2(this);
    private final Smb1NtTransact ntTransact = new Smb1NtTransact(this);
    private final Smb1Search search = new Smb1Search(this);
    private int nextFid = 1;
    private int lastFailedFid = -1;
    private long lastFailedOffset = -1;

    Smb1Files(Smb1Dispatcher d) {
        this.d = d;
    }

    Smb1Dispatcher dispatcher() {
        return d;
    }

    Smb1Dispatcher.R handle(Smb1Message m, Smb1Block b, Smb1Dispatcher.Ids ids, Smb1Dispatcher.Session s,
            Smb1Dispatcher.Tree t) {
        RequestContext ctx = new RequestContext(Smb2Dialect.SMB_2_1, s.user, s.guest, MAX_IO, MAX_IO, MAX_IO);
        boolean unicode = ids.request.flags2().unicode();
        pid = (ids.request.pidHigh() << 16) | ids.request.pidLow();
        flags2 = ids.request.flags2().value();
        return switch (m) {
            case NtCreateAndXRequest c -> create(ctx, t, c);
            case ReadAndXRequest r -> read(ctx, t, r);
            case WriteAndXRequest w -> write(ctx, t, w);
            case CloseRequest c -> close(ctx, t, c.fid(), Smb1Command.CLOSE);
            case FlushRequest f -> flush(ctx, t, f);
            case PathRequest p -> path(ctx, t, p);
            case TransactionRequest tr when tr.command().equals(Smb1Command.TRANSACTION) -> trans(ctx, t, tr);
            case TransactionRequest tr -> trans2.trans2(ctx, t, tr, unicode);
            case org.smbscope.codec.smb1.NtTransactMessage nt -> ntTransact.ntTransact(ctx, t, nt, unicode);
            case Smb1RawMessage raw when raw.command().value() == 0x34 -> trans2.findClose(ctx, raw);
            case Smb1RawMessage raw when raw.command().value() == 0x10 -> checkDirectory(ctx, t, b, unicode);
            case Smb1RawMessage raw when raw.command().value() == 0x2D -> openAndX(ctx, t, b, unicode);
            case Smb1RawMessage raw when raw.command().value() == 0x08 -> queryInformation(ctx, t, b, unicode);
            case Smb1RawMessage raw when raw.command().value() == 0x09 -> setInformation(ctx, t, b, unicode);
            case Smb1RawMessage raw when raw.command().value() == 0x24 -> locking(ctx, t, b);
            case Smb1RawMessage raw when raw.command().value() == 0x23 -> getAttrE(ctx, t, raw);
            case Smb1RawMessage raw when raw.command().value() == 0x0A -> coreRead(ctx, t, raw);
            case Smb1RawMessage raw when raw.command().value() == 0x12 -> seek(ctx, t, raw);
            case Smb1RawMessage raw when raw.command().value() == 0x81 -> search.search(ctx, t, raw, b.dataOffset(), unicode);
            case Smb1RawMessage raw when raw.command().value() == 0x0B -> coreWrite(ctx, t, raw);
            case Smb1RawMessage raw when raw.command().value() == 0x0E -> createTemporary(ctx, t, b, unicode);
            case Smb1RawMessage raw when raw.command().value() == 0x2C -> writeAndClose(ctx, t, raw);
            case Smb1RawMessage raw when raw.command().value() == 0xA5 -> ntRename(ctx, t, b, unicode);
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
        // a directory opened delete-on-close while it has entries opens (Windows marks it when it can; the
        // handler refuses the open), so ask for the deletion after the open and ignore DIRECTORY_NOT_EMPTY
        boolean dirDeleteOnClose = (options & 0x1001) == 0x1001 && (c.desiredAccess() & 0x12010000L) != 0;
        if (dirDeleteOnClose) {
            options &= ~0x1000;
        }
        CreateRequest req = createRequest(name, (int) c.desiredAccess(), (int) c.createDisposition(),
                options, (int) c.extFileAttributes(), new ShareAccess((int) c.shareAccess()));
        Outcome.Done done = call(t.handler(), ctx, req);
        if (done.status().value() != 0 || !(done.response() instanceof CreateResponse cr)) {
            return fail(done, c.command());
        }
        if (dirDeleteOnClose) {
            call(t.handler(), ctx, new SetInfoRequest(InfoType.FILE, FileInformationClass.DISPOSITION.value(),
                    new byte[] {1}, 0, cr.fileId()));
        }
        int fid = newFid();
        Open opened = new Open(t, cr.fileId(), req.name());
        fids.put(fid, opened);
        // FILE_READ_DATA, GENERIC_ALL, MAXIMUM_ALLOWED, GENERIC_READ vs FILE_EXECUTE, GENERIC_EXECUTE
        if ((c.desiredAccess() & 0x12000001L) == 0 && (c.desiredAccess() & 0x80000000L) == 0
                && (c.desiredAccess() & 0x20000020L) != 0) {
            executeOnly.add(opened);
        }
        int attrs = FileAttribute.toMask(cr.fileAttributes());
        boolean dir = cr.fileAttributes().contains(FileAttribute.DIRECTORY);
        return Smb1Dispatcher.R.ok(new NtCreateAndXResponse(0, fid, cr.createAction().value(), cr.creationTime().value(),
                cr.lastAccessTime().value(), cr.lastWriteTime().value(), cr.changeTime().value(), attrs & 0xFFFFFFFFL,
                cr.allocationSize(), cr.endOfFile(), t.ipc() ? 2 : 0, t.ipc() ? 0x05FF : 0, dir, null, 0, 0, 0));
    }

    int newFid() {
        for (int i = 0; i < 0xFFFF; i++) {
            int f = nextFid;
            nextFid = nextFid >= 0xFFFE ? 1 : nextFid + 1;
            if (!fids.containsKey(f)) {
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
        Open o = open(t, r.fid());
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
            readDone(ctx, t, o, r.offset() + bytes.length);
        }
        return new Smb1Dispatcher.R(done.status(), new ReadAndXResponse(t.ipc() ? 0 : 0xFFFF, bytes));
    }

    private Smb1Dispatcher.R write(RequestContext ctx, Smb1Dispatcher.Tree t, WriteAndXRequest w) {
        Open o = open(t, w.fid());
        if (o == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, w.command());
        }
        byte[] data = w.data();
        if (pidLocks.writeConflicts(o, pid, w.offset(), data.length)) {
            return Smb1Dispatcher.R.err(NtStatus.FILE_LOCK_CONFLICT, w.command());
        }
        long position = t.ipc() ? -1 : position(ctx, t, o);
        Outcome.Done done = call(t.handler(), ctx, WriteRequest.of(o.id(), w.offset(), ByteBuffer.wrap(data)));
        restorePosition(ctx, t, o, position);
        if (done.status().value() != 0 || !(done.response() instanceof WriteResponse wr)) {
            return fail(done, w.command());
        }
        pointers.put(o, (w.offset() + (wr.count() & 0xFFFFFFFFL)) & 0xFFFFFFFFL);
        return Smb1Dispatcher.R.ok(new WriteAndXResponse(wr.count() & 0xFFFFFFFFL, 0xFFFF));
    }

    private void forget(Open o) {
        pointers.remove(o);
        pidLocks.forget(o);
        executeOnly.remove(o);
        dosOpens.remove(o);
    }

    private Smb1Dispatcher.R close(RequestContext ctx, Smb1Dispatcher.Tree t, int fid, Smb1Command c) {
        Open o = open(t, fid);
        if (o == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, c);
        }
        fids.remove(fid);
        if (fids.containsValue(o)) {
            return Smb1Dispatcher.R.ok(new Smb1EmptyMessage(c, true)); // a DENY_DOS handle another FID still uses
        }
        forget(o);
        Outcome.Done done = call(t.handler(), ctx, new org.smbscope.codec.smb2.CloseRequest(0, o.id()));
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
        fids.values().removeIf(o -> o.tree() == t);
        pointers.keySet().removeIf(o -> o.tree() == t);
        pidLocks.forgetIf(o -> o.tree() == t);
        executeOnly.removeIf(o -> o.tree() == t);
        dosOpens.keySet().removeIf(o -> o.tree() == t);
        trans2.closeTree(t);
        search.closeTree(t);
        try {
            t.handler().close();
        } catch (RuntimeException ignored) {
            // closing anyway
        }
    }

    // ---- path commands

    private Smb1Dispatcher.R path(RequestContext ctx, Smb1Dispatcher.Tree t, PathRequest p) {
        Smb1Command c = p.command();
        TreeHandler h = t.handler();
        Outcome.Done done;
        switch (c.value()) {
            case 0x00 -> done = withOpen(h, ctx, createRequest(p.path(), 0x100081, 2, 0x1 | 0x20, 0x10, ALL_SHARE),
                    id -> Outcome.Done.ok(null));
            case 0x01 -> done = withOpen(h, ctx, createRequest(p.path(), 0x110080, 1, 0x1, 0, ALL_SHARE),
                    id -> call(h, ctx, new SetInfoRequest(InfoType.FILE, FileInformationClass.DISPOSITION.value(),
                            new byte[] {1}, 0, id)));
            case 0x06 -> done = delete(h, ctx, p);
            case 0x07 -> done = withOpen(h, ctx, createRequest(p.path(), 0x110080, 1, 0, 0, ALL_SHARE),
                    id -> call(h, ctx, new SetInfoRequest(InfoType.FILE, FileInformationClass.RENAME.value(),
                            renameInfo(shareRelative(p.newPath()), false), 0, id)));
            default -> {
                return Smb1Dispatcher.R.err(NtStatus.NOT_IMPLEMENTED, c);
            }
        }
        return done.status().value() != 0 ? fail(done, c) : Smb1Dispatcher.R.ok(new Smb1EmptyMessage(c, true));
    }

    /** [MS-FSCC] 2.4.42.2 FILE_RENAME_INFORMATION for SMB2 (64-bit RootDirectory). */
    private static byte[] renameInfo(String target, boolean replace) {
        byte[] name = target.getBytes(StandardCharsets.UTF_16LE);
        return new WireWriter().u8(replace ? 1 : 0).bytes(new byte[7]).u64le(0).u32le(name.length).bytes(name)
                .toByteArray();
    }

    private Smb1Dispatcher.R checkDirectory(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Block b, boolean unicode) {
        byte[] data = b.data();
        Smb1Command c = Smb1Command.of(0x10);
        if (data.length < 1 || data[0] != 4) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        String name;
        if (unicode) {
            int at = 1 + ((b.dataOffset() + 1) & 1);
            name = at > data.length ? "" : new String(data, at, (data.length - at) & ~1, StandardCharsets.UTF_16LE);
        } else {
            name = new String(data, 1, data.length - 1, StandardCharsets.ISO_8859_1);
        }
        int nul = name.indexOf('\0');
        name = nul >= 0 ? name.substring(0, nul) : name;
        Outcome.Done done = withOpen(t.handler(), ctx, createRequest(name, 0x100080, 1, 0x1, 0, ALL_SHARE),
                id -> Outcome.Done.ok(null));
        if (done.status().value() != 0) {
            return fail(done, c);
        }
        return Smb1Dispatcher.R.ok(new Smb1RawMessage(c, true, new byte[0], new byte[0]));
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

    private Smb1Dispatcher.R openAndX(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Block b, boolean unicode) {
        Smb1Command c = Smb1Command.OPEN_ANDX;
        Smb1Legacy.OpenAndX o = Smb1Legacy.openAndX(b, unicode);
        if (o == null || o.disposition() < 0) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        if (fids.size() >= 4096) {
            return Smb1Dispatcher.R.err(NtStatus.INSUFFICIENT_RESOURCES, c);
        }
        CreateRequest req = createRequest(o.name(), o.desiredAccess(), o.disposition(), 0x40, o.fileAttrs(),
                new ShareAccess(o.shareAccess()));
        Outcome.Done done = call(t.handler(), ctx, req);
        if (done.status().value() != 0 || !(done.response() instanceof CreateResponse cr)) {
            return fail(done, c);
        }
        int fid = newFid();
        Open opened = new Open(t, cr.fileId(), req.name());
        if (((o.accessMode() >> 4) & 7) == 0 && !t.ipc()) {
            // DENY_DOS: a second open of the file by the same process shares the first one's handle (its position)
            Open shared = dosOpens.entrySet().stream().filter(e -> e.getValue() == pid && e.getKey().tree() == t
                    && e.getKey().name().equalsIgnoreCase(req.name()) && fids.containsValue(e.getKey()))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (shared != null) {
                call(t.handler(), ctx, new org.smbscope.codec.smb2.CloseRequest(0, cr.fileId()));
                opened = shared;
            } else {
                dosOpens.put(opened, pid);
            }
        }
        fids.put(fid, opened);
        return Smb1Dispatcher.R.ok(Smb1Legacy.openAndXResponse(fid, cr, o, t.ipc()));
    }

    private Smb1Dispatcher.R queryInformation(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Block b, boolean unicode) {
        Smb1Command c = Smb1Command.of(0x08);
        String name = Smb1Legacy.bufferPath(b, 0, unicode);
        if (name == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        Outcome.Done done = call(t.handler(), ctx, createRequest(name, 0x80, 1, 0, 0, ALL_SHARE));
        if (done.status().value() != 0 || !(done.response() instanceof CreateResponse cr)) {
            return fail(done, c);
        }
        call(t.handler(), ctx, new org.smbscope.codec.smb2.CloseRequest(0, cr.fileId()));
        int attrs = FileAttribute.toMask(cr.fileAttributes());
        boolean dir = cr.fileAttributes().contains(FileAttribute.DIRECTORY);
        return Smb1Dispatcher.R.ok(Smb1Legacy.queryInformationResponse(attrs == 0x80 ? 0 : attrs,
                Smb1Legacy.utime(cr.lastWriteTime()), dir ? 0 : cr.endOfFile()));
    }

    private Smb1Dispatcher.R setInformation(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Block b, boolean unicode) {
        Smb1Command c = Smb1Command.of(0x09);
        byte[] w = b.words();
        String name = Smb1Legacy.bufferPath(b, 0, unicode);
        if (name == null || w.length != 16) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        int attrs = Smb1Legacy.u16(w, 0);
        long when = Smb1Legacy.fileTime(Smb1Legacy.u32(w, 2));
        Outcome.Done opened = call(t.handler(), ctx, createRequest(name, 0x100, 1, 0, 0, ALL_SHARE));
        if (opened.status().value() != 0 || !(opened.response() instanceof CreateResponse cr)) {
            return fail(opened, c);
        }
        // a file set to no attributes (or NORMAL) reads back as ARCHIVE, as on Windows
        int applied = (attrs & 0x37) == 0 && !cr.fileAttributes().contains(FileAttribute.DIRECTORY) ? 0x20 : attrs;
        Outcome.Done done = call(t.handler(), ctx, new SetInfoRequest(InfoType.FILE, FileInformationClass.BASIC.value(),
                Smb1Legacy.basicInfo(applied, when), 0, cr.fileId()));
        call(t.handler(), ctx, new org.smbscope.codec.smb2.CloseRequest(0, cr.fileId()));
        return done.status().value() != 0 ? fail(done, c)
                : Smb1Dispatcher.R.ok(new Smb1RawMessage(c, true, new byte[0], new byte[0]));
    }

    private Smb1Dispatcher.R locking(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Block b) {
        Smb1Command c = Smb1Command.LOCKING_ANDX;
        Smb1Legacy.Locking l = Smb1Legacy.locking(b);
        if (l == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        Open o = open(t, l.fid());
        if (o == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, c);
        }
        if ((l.type() & Smb1Legacy.Locking.OPLOCK_RELEASE) != 0 && l.locks().isEmpty() && l.unlocks().isEmpty()) {
            return null; // an oplock break acknowledgement has no response
        }
        if ((l.type() & (Smb1Legacy.Locking.CHANGE_LOCKTYPE | Smb1Legacy.Locking.CANCEL)) != 0) {
            return Smb1Dispatcher.R.err(NtStatus.NOT_SUPPORTED, c);
        }
        for (org.smbscope.codec.smb2.LockRequest.Element e : l.unlocks()) {
            if (!pidLocks.remove(o, pid, e.offset(), e.length())) {
                return Smb1Dispatcher.R.err(NtStatus.RANGE_NOT_LOCKED, c);
            }
            Outcome.Done done = call(t.handler(), ctx, new org.smbscope.codec.smb2.LockRequest(0, o.id(), List.of(e)));
            if (done.status().value() != 0) {
                return fail(done, c);
            }
        }
        List<org.smbscope.codec.smb2.LockRequest.Element> taken = new java.util.ArrayList<>();
        long wait = l.timeout() == 0xFFFFFFFFL ? 30_000 : Math.min(l.timeout(), 30_000);
        for (org.smbscope.codec.smb2.LockRequest.Element e : l.locks()) {
            boolean exclusive = (e.flags() & org.smbscope.codec.smb2.LockRequest.SHARED_LOCK) == 0;
            Outcome.Done done = pidLocks.lockConflicts(o, pid, e.offset(), e.length(), exclusive)
                    ? Outcome.Done.error(NtStatus.LOCK_NOT_GRANTED, org.smbscope.codec.smb2.Smb2Command.LOCK)
                    : call(t.handler(), ctx, new org.smbscope.codec.smb2.LockRequest(0, o.id(), List.of(e)),
                    wait, NtStatus.LOCK_NOT_GRANTED);
            if (done.status().equals(NtStatus.LOCK_NOT_GRANTED) || done.status().equals(NtStatus.FILE_LOCK_CONFLICT)) {
                // Windows: a failed lock is LOCK_NOT_GRANTED, the same lock failing again (or one at 0xEF000000 and
                // above) FILE_LOCK_CONFLICT
                boolean again = l.fid() == lastFailedFid && e.offset() == lastFailedOffset;
                NtStatus st = l.timeout() != 0 || again || e.offset() >= 0xEF000000L ? NtStatus.FILE_LOCK_CONFLICT
                        : NtStatus.LOCK_NOT_GRANTED;
                lastFailedFid = l.fid();
                lastFailedOffset = e.offset();
                done = Outcome.Done.error(st, done.response().command());
            }
            if (done.status().value() != 0) {
                for (org.smbscope.codec.smb2.LockRequest.Element undo : taken) {
                    call(t.handler(), ctx, new org.smbscope.codec.smb2.LockRequest(0, o.id(), List.of(
                            new org.smbscope.codec.smb2.LockRequest.Element(undo.offset(), undo.length(),
                                    org.smbscope.codec.smb2.LockRequest.UNLOCK))));
                }
                for (org.smbscope.codec.smb2.LockRequest.Element undo : taken) {
                    pidLocks.remove(o, pid, undo.offset(), undo.length());
                }
                return fail(done, c);
            }
            taken.add(e);
            pidLocks.add(o, pid, e.offset(), e.length(), exclusive);
        }
        return Smb1Dispatcher.R.ok(new Smb1RawMessage(c, true, new WireWriter().u32le(0xFF).toByteArray(), new byte[0]));
    }

    private Smb1Dispatcher.R getAttrE(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1RawMessage raw) {
        Open o = open(t, Smb1Legacy.u16(raw.words(), 0));
        if (o == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, raw.command());
        }
        byte[] n = networkOpen(t.handler(), ctx, o.id());
        if (n == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, raw.command());
        }
        return Smb1Dispatcher.R.ok(new Smb1RawMessage(raw.command(), true, Smb1Info.getAttrE(n, d.svc.clock().getZone()),
                new byte[0]));
    }

    /**
     * After a read ending at {@code end}: the SMB1 file pointer and the open's FilePositionInformation both move
     * there (a Windows server's read moves the handle's current byte offset; writes move only the pointer).
     */
    private void readDone(RequestContext ctx, Smb1Dispatcher.Tree t, Open o, long end) {
        pointers.put(o, end & 0xFFFFFFFFL);
    }

    /** The open's FilePositionInformation (an SMB1 write must leave it where it was), or -1. */
    private long position(RequestContext ctx, Smb1Dispatcher.Tree t, Open o) {
        Outcome.Done done = call(t.handler(), ctx, new org.smbscope.codec.smb2.QueryInfoRequest(InfoType.FILE, 14, 8,
                new byte[0], 0, 0, o.id()));
        if (done.status().value() == 0 && done.response() instanceof org.smbscope.codec.smb2.QueryInfoResponse qr
                && qr.output().length >= 8) {
            return Smb1Legacy.u32(qr.output(), 0) | (Smb1Legacy.u32(qr.output(), 4) << 32);
        }
        return -1;
    }

    private void restorePosition(RequestContext ctx, Smb1Dispatcher.Tree t, Open o, long position) {
        if (position >= 0) {
            call(t.handler(), ctx, new SetInfoRequest(InfoType.FILE, 14, new WireWriter().u64le(position).toByteArray(), 0,
                    o.id()));
        }
    }

    /**
     * [MS-CIFS] 2.2.4.19 SMB_COM_SEEK: words FID, Mode (0 start, 1 current, 2 end), signed 32-bit Offset; the answer
     * is the new 32-bit pointer (arithmetic wraps at 2^32, as Windows does). The FilePositionInformation is unchanged.
     */
    private Smb1Dispatcher.R seek(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1RawMessage raw) {
        byte[] w = raw.words();
        if (w.length != 8) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, raw.command());
        }
        Open o = open(t, Smb1Legacy.u16(w, 0));
        if (o == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, raw.command());
        }
        int mode = Smb1Legacy.u16(w, 2);
        long delta = (int) Smb1Legacy.u32(w, 4);
        long base;
        switch (mode) {
            case 0 -> base = 0;
            case 1 -> base = pointers.getOrDefault(o, 0L);
            case 2 -> {
                Outcome.Done done = call(t.handler(), ctx, new org.smbscope.codec.smb2.QueryInfoRequest(InfoType.FILE, 5,
                        64, new byte[0], 0, 0, o.id()));
                if (done.status().value() != 0
                        || !(done.response() instanceof org.smbscope.codec.smb2.QueryInfoResponse qr)
                        || qr.output().length < 16) {
                    return fail(done, raw.command());
                }
                base = Smb1Legacy.u32(qr.output(), 8) | (Smb1Legacy.u32(qr.output(), 12) << 32);
            }
            default -> {
                return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, raw.command());
            }
        }
        long now = (base + delta) & 0xFFFFFFFFL;
        pointers.put(o, now);
        return Smb1Dispatcher.R.ok(new Smb1RawMessage(raw.command(), true, new WireWriter().u32le(now).toByteArray(),
                new byte[0]));
    }

    private Smb1Dispatcher.R coreRead(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1RawMessage raw) {
        byte[] w = raw.words();
        Open o = w.length == 10 ? open(t, Smb1Legacy.u16(w, 0)) : null;
        if (o == null) {
            return Smb1Dispatcher.R.err(w.length == 10 ? NtStatus.INVALID_HANDLE : NtStatus.INVALID_PARAMETER, raw.command());
        }
        int count = Math.min(Smb1Legacy.u16(w, 2), d.clientMaxBuffer - 64);
        if (pidLocks.readConflicts(o, pid, Smb1Legacy.u32(w, 4), count)) {
            return Smb1Dispatcher.R.err(NtStatus.FILE_LOCK_CONFLICT, raw.command());
        }
        Outcome.Done done = call(t.handler(), ctx, ReadRequest.of(o.id(), Smb1Legacy.u32(w, 4), Math.max(0, count)));
        byte[] bytes = new byte[0];
        if (done.status().value() == 0 && done.response() instanceof ReadResponse rr) {
            ByteBuffer b = rr.data().duplicate();
            bytes = new byte[b.remaining()];
            b.get(bytes);
        } else if (!done.status().equals(NtStatus.END_OF_FILE)) {
            return fail(done, raw.command());
        }
        readDone(ctx, t, o, Smb1Legacy.u32(w, 4) + bytes.length);
        byte[] words = new WireWriter().u16le(bytes.length).bytes(new byte[8]).toByteArray();
        byte[] data = new WireWriter().u8(1).u16le(bytes.length).bytes(bytes).toByteArray();
        return Smb1Dispatcher.R.ok(new Smb1RawMessage(raw.command(), true, words, data));
    }

    private Smb1Dispatcher.R coreWrite(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1RawMessage raw) {
        byte[] w = raw.words();
        byte[] data = raw.data();
        Open o = w.length == 10 ? open(t, Smb1Legacy.u16(w, 0)) : null;
        if (o == null) {
            return Smb1Dispatcher.R.err(w.length == 10 ? NtStatus.INVALID_HANDLE : NtStatus.INVALID_PARAMETER, raw.command());
        }
        int count = Smb1Legacy.u16(w, 2);
        long offset = Smb1Legacy.u32(w, 4);
        if (pidLocks.writeConflicts(o, pid, offset, count)) {
            return Smb1Dispatcher.R.err(NtStatus.FILE_LOCK_CONFLICT, raw.command());
        }
        if (data.length < 3 || data[0] != 1 || Smb1Legacy.u16(data, 1) < count || count > data.length - 3) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, raw.command());
        }
        Outcome.Done done;
        if (count == 0) {
            // [MS-CIFS] 2.2.4.12: a zero-length write sets the end of file to the offset
            done = call(t.handler(), ctx, new SetInfoRequest(InfoType.FILE, 20, new WireWriter().u64le(offset).toByteArray(),
                    0, o.id()));
        } else {
            long position = position(ctx, t, o);
            done = call(t.handler(), ctx, WriteRequest.of(o.id(), offset, ByteBuffer.wrap(data, 3, count).slice()));
            restorePosition(ctx, t, o, position);
        }
        if (done.status().value() != 0) {
            return fail(done, raw.command());
        }
        pointers.put(o, (offset + count) & 0xFFFFFFFFL);
        return Smb1Dispatcher.R.ok(new Smb1RawMessage(raw.command(), true, new WireWriter().u16le(count).toByteArray(),
                new byte[0]));
    }

    /**
     * SMB_COM_DELETE ([MS-CIFS] 2.2.4.7): opened for DELETE with no sharing (an open file cannot go), a hidden or
     * system file only when SearchAttributes include it (else STATUS_NO_SUCH_FILE), then delete on close.
     */
    private static Outcome.Done delete(TreeHandler h, RequestContext ctx, PathRequest p) {
        String path = p.path();
        String resolved = resolveDotDot(path);
        if (resolved != null) {
            path = resolved; // "dir\.." names the share root: a directory, not a path syntax error
        }
        Outcome.Done opened = call(h, ctx, createRequest(path, 0x110080, 1, 0x40, 0, ShareAccess.NONE));
        if (opened.status().value() != 0 || !(opened.response() instanceof CreateResponse cr)) {
            return opened;
        }
        int attrs = FileAttribute.toMask(cr.fileAttributes());
        Outcome.Done r;
        if ((attrs & ~p.searchAttributes() & 0x6) != 0) {
            r = Outcome.Done.error(NtStatus.NO_SUCH_FILE, cr.command());
        } else {
            r = call(h, ctx, new SetInfoRequest(InfoType.FILE, FileInformationClass.DISPOSITION.value(), new byte[] {1}, 0,
                    cr.fileId()));
        }
        call(h, ctx, new org.smbscope.codec.smb2.CloseRequest(0, cr.fileId()));
        return r;
    }

    /** {@code path} with its ".." components resolved when they stay inside the share, else null (unchanged). */
    static String resolveDotDot(String path) {
        String[] parts = path.replace('/', '\\').split("\\\\");
        java.util.ArrayDeque<String> out = new java.util.ArrayDeque<>();
        boolean any = false;
        for (String part : parts) {
            if (part.equals("..")) {
                if (out.isEmpty()) {
                    return null;
                }
                out.removeLast();
                any = true;
            } else if (!part.isEmpty()) {
                out.addLast(part);
            }
        }
        return any ? String.join("\\", out) : null;
    }

    /**
     * SMB_COM_CREATE_TEMPORARY ([MS-CIFS] 2.2.4.15): a new file with a unique name in the directory; the response
     * names it (OEM, without the directory, as Windows and Samba answer).
     */
    private Smb1Dispatcher.R createTemporary(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Block b, boolean unicode) {
        Smb1Command c = Smb1Command.of(0x0E);
        String dir = Smb1Legacy.bufferPath(b, 0, unicode);
        if (dir == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        String base = shareRelative(dir);
        for (int attempt = 0; attempt < 16; attempt++) {
            byte[] r = d.svc.randomBytes(3);
            String name = String.format("TMP%05X", (r[0] & 0xFF) | (r[1] & 0xFF) << 8 | (r[2] & 0x0F) << 16);
            CreateRequest req = createRequest(base.isEmpty() ? name : base + "\\" + name, 0x0012019F, 2, 0x40, 0x20,
                    ALL_SHARE);
            Outcome.Done done = call(t.handler(), ctx, req);
            if (done.status().equals(NtStatus.OBJECT_NAME_COLLISION)) {
                continue;
            }
            if (done.status().value() != 0 || !(done.response() instanceof CreateResponse cr)) {
                return fail(done, c);
            }
            int fid = newFid();
            fids.put(fid, new Open(t, cr.fileId(), req.name()));
            byte[] data = new WireWriter().u8(4).bytes(name.getBytes(StandardCharsets.US_ASCII)).u8(0).toByteArray();
            return Smb1Dispatcher.R.ok(new Smb1RawMessage(c, true, new WireWriter().u16le(fid).toByteArray(), data));
        }
        return Smb1Dispatcher.R.err(NtStatus.OBJECT_NAME_COLLISION, c);
    }

    /** SMB_COM_WRITE_AND_CLOSE ([MS-CIFS] 2.2.4.40): a write, then the close. */
    private Smb1Dispatcher.R writeAndClose(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1RawMessage raw) {
        byte[] w = raw.words();
        byte[] data = raw.data();
        Smb1Command c = raw.command();
        if (w.length != 12 && w.length != 24) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        int fid = Smb1Legacy.u16(w, 0);
        Open o = open(t, fid);
        if (o == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, c);
        }
        int count = Smb1Legacy.u16(w, 2);
        long offset = Smb1Legacy.u32(w, 4);
        if (data.length < 1 + count) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        if (count == 0) {
            // a zero-length WRITE_AND_CLOSE writes nothing and leaves the file open, as Windows and Samba do
            return Smb1Dispatcher.R.ok(new Smb1RawMessage(c, true, new WireWriter().u16le(0).toByteArray(), new byte[0]));
        }
        Outcome.Done done = call(t.handler(), ctx, WriteRequest.of(o.id(), offset, ByteBuffer.wrap(data, 1, count).slice()));
        fids.remove(fid);
        if (fids.containsValue(o)) {
            return done.status().value() != 0 ? fail(done, c)
                    : Smb1Dispatcher.R.ok(new Smb1RawMessage(c, true, new WireWriter().u16le(count).toByteArray(),
                            new byte[0]));
        }
        forget(o);
        Outcome.Done closed = call(t.handler(), ctx, new org.smbscope.codec.smb2.CloseRequest(0, o.id()));
        if (done.status().value() != 0) {
            return fail(done, c);
        }
        if (closed.status().value() != 0) {
            return fail(closed, c);
        }
        return Smb1Dispatcher.R.ok(new Smb1RawMessage(c, true, new WireWriter().u16le(count).toByteArray(), new byte[0]));
    }


    /** SMB_COM_NT_RENAME ([MS-CIFS] 2.2.4.66): SMB_NT_RENAME_RENAME_FILE (0x0104); hard links and copies are not offered. */
    private Smb1Dispatcher.R ntRename(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Block b, boolean unicode) {
        Smb1Command c = Smb1Command.of(0xA5);
        byte[] w = b.words();
        if (w.length != 8) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        int level = Smb1Legacy.u16(w, 2);
        if (level != 0x0104) {
            return Smb1Dispatcher.R.err(NtStatus.NOT_SUPPORTED, c);
        }
        String from = Smb1Legacy.bufferPath(b, 0, unicode);
        if (from == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        byte[] data = b.data();
        int at = 1 + (unicode ? ((((b.dataOffset() + 1) & 1) != 0 ? 1 : 0) + from.length() * 2 + 2) : from.length() + 1);
        String to = Smb1Legacy.bufferPath(b, at, unicode);
        if (to == null || at > data.length) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        Smb1Dispatcher.R r = path(ctx, t, new PathRequest(Smb1Command.RENAME, Smb1Legacy.u16(w, 0), from, to));
        return r.status().value() != 0 ? Smb1Dispatcher.R.err(r.status(), c) : Smb1Dispatcher.R.ok(new Smb1EmptyMessage(c, true));
    }
}
