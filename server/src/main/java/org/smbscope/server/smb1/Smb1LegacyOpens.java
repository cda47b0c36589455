package org.smbscope.server.smb1;

import static org.smbscope.server.smb1.TreeCalls.call;
import static org.smbscope.server.smb1.TreeCalls.createRequest;
import static org.smbscope.server.smb1.TreeCalls.fail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.smb1.Smb1Block;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1DecodeException;
import org.smbscope.codec.smb1.Smb1RawMessage;
import org.smbscope.codec.smb1.TransactionRequest;
import org.smbscope.codec.smb1.TransactionResponse;
import org.smbscope.codec.smb2.CreateContext;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.SetInfoRequest;
import org.smbscope.codec.smb2.ShareAccess;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;

/**
 * The legacy open family mapped onto SMB2 CREATE ([MS-CIFS] 3.3.5.6 to 3.3.5.9 and 3.3.5.35): SMB_COM_OPEN (2.2.4.3),
 * SMB_COM_CREATE (2.2.4.4, open-or-truncate), SMB_COM_CREATE_NEW (2.2.4.16), SMB_COM_OPEN_ANDX (2.2.4.41, with the
 * allocation size setting the size of a created file and the extended response) and TRANS2_OPEN2 (2.2.6.1, with an
 * EA list). AccessMode / OpenMode are mapped as Windows does: an OpenMode asking for nothing is ERRDOS/ERRbadaccess
 * for OPEN_ANDX (a create when the access is execute) and STATUS_OBJECT_NAME_COLLISION for TRANS2_OPEN2.
 */
final class Smb1LegacyOpens {
    /** ERRDOS / ERRbadaccess as this server's DOS-error status (code in the high word, class in the low byte). */
    static final NtStatus ERR_BAD_ACCESS = new NtStatus(0x000C0001);
    private static final int OPENX_FLAGS_EXTENDED_RESPONSE = 0x10;
    private static final int FILE_TYPE_DISK = 0;

    private final Smb1Files files;
    /** Opens in DENY_DOS / FCB mode and the PID that opened them ([MS-CIFS] 3.3.5.35 compatibility mode). */
    final Map<Smb1Files.Open, Integer> dosOpens = new java.util.HashMap<>();

    Smb1LegacyOpens(Smb1Files files) {
        this.files = files;
    }

    /** What an AccessMode asks for ([MS-CIFS] 2.2.4.3.1 / 2.2.4.41.1). */
    record Mode(int accessMode) {
        int access() {
            return accessMode & 0xF;
        }

        int sharing() {
            return (accessMode >> 4) & 7;
        }

        /** Known access (0-3, or 0xF for FCB) and sharing (0-4, or 7 for FCB). */
        boolean valid() {
            return (access() <= 3 || access() == 0xF) && (sharing() <= 4 || sharing() == 7);
        }

        int desiredAccess() {
            return switch (access()) {
                case 1 -> 0x00120116; // FILE_GENERIC_WRITE
                case 2, 0xF -> 0x0012019F; // FILE_GENERIC_READ | FILE_GENERIC_WRITE
                case 3 -> 0x001200A9; // read and execute
                default -> 0x00120089; // FILE_GENERIC_READ
            };
        }

        int shareAccess() {
            return switch (sharing()) {
                case 1 -> 0;
                case 2 -> 1;
                case 3 -> 2;
                case 4 -> 3; // deny none shares reading and writing, not delete (Windows, Samba)
                default -> 7; // compatibility (DOS) and FCB modes share; same-PID opens share a handle
            };
        }

        boolean compatibility() {
            return sharing() == 0 || sharing() == 7;
        }
    }

    /** CreateDisposition for an OpenMode (bits 0-1: exists fail/open/truncate, bit 4: create), or -1. */
    static int disposition(int openMode) {
        boolean create = (openMode & 0x10) != 0;
        int exists = openMode & 3;
        if (create) {
            return exists == 0 ? 2 : exists == 1 ? 3 : exists == 2 ? 5 : -1;
        }
        return exists == 1 ? 1 : exists == 2 ? 4 : -1;
    }

    // ---- SMB_COM_OPEN

    Smb1Dispatcher.R open(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Block b, boolean unicode) {
        Smb1Command c = Smb1Command.of(0x02);
        byte[] w = b.words();
        String name = Smb1Legacy.bufferPath(b, 0, unicode);
        if (w.length != 4 || name == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        Mode mode = new Mode(Smb1Legacy.u16(w, 0));
        if (!mode.valid()) {
            return Smb1Dispatcher.R.err(ERR_BAD_ACCESS, c);
        }
        Opened o = openFile(ctx, t, c, name, mode, 1, 0, List.of(), org.smbscope.codec.smb2.OplockLevel.NONE);
        if (o.failure != null) {
            return o.failure;
        }
        CreateResponse cr = o.response;
        WireWriter out = new WireWriter().u16le(o.fid).u16le(FileAttribute.toMask(cr.fileAttributes()) & 0x37)
                .u32le(Smb1Legacy.utime(cr.lastWriteTime())).u32le(Math.min(cr.endOfFile(), 0xFFFFFFFFL))
                .u16le(mode.accessMode() & 0xFF);
        return Smb1Dispatcher.R.ok(new Smb1RawMessage(c, true, out.toByteArray(), new byte[0]));
    }

    // ---- SMB_COM_CREATE / SMB_COM_CREATE_NEW

    Smb1Dispatcher.R create(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Block b, boolean unicode, boolean createNew) {
        Smb1Command c = Smb1Command.of(createNew ? 0x0F : 0x03);
        byte[] w = b.words();
        String name = Smb1Legacy.bufferPath(b, 0, unicode);
        if (w.length != 6 || name == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        int attrs = Smb1Legacy.u16(w, 0) & 0x27;
        long time = Smb1Legacy.u32(w, 2);
        Opened o = openFile(ctx, t, c, name, new Mode(0x42), createNew ? 2 : 5, attrs, List.of(), org.smbscope.codec.smb2.OplockLevel.NONE);
        if (o.failure != null) {
            return o.failure;
        }
        long ft = Smb1Legacy.fileTime(time);
        if (ft != 0) {
            call(t.handler(), ctx, new SetInfoRequest(InfoType.FILE, FileInformationClass.BASIC.value(),
                    new WireWriter().u64le(0).u64le(0).u64le(ft).u64le(0).u32le(0).u32le(0).toByteArray(), 0,
                    files.fids.get(o.fid).id()));
        }
        return Smb1Dispatcher.R.ok(new Smb1RawMessage(c, true, new WireWriter().u16le(o.fid).toByteArray(), new byte[0]));
    }

    // ---- SMB_COM_OPEN_ANDX

    Smb1Dispatcher.R openAndX(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Block b, boolean unicode) {
        Smb1Command c = Smb1Command.OPEN_ANDX;
        Smb1Legacy.OpenAndX req = Smb1Legacy.openAndX(b, unicode);
        if (req == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        Mode mode = new Mode(req.accessMode());
        int disposition = disposition(req.openMode());
        if (disposition < 0 && mode.access() == 3) {
            disposition = 2; // an execute open that asks for nothing creates (as Windows and Samba do)
        }
        if (disposition < 0 || !mode.valid()) {
            return Smb1Dispatcher.R.err(ERR_BAD_ACCESS, c);
        }
        Opened o = openFile(ctx, t, c, req.name(), mode, disposition, req.fileAttrs(), List.of(),
                t.ipc() ? org.smbscope.codec.smb2.OplockLevel.NONE : Smb1Oplocks.requested(req.flags()));
        if (o.failure != null) {
            return o.failure;
        }
        CreateResponse cr = sized(ctx, t, o.response, req.allocation());
        int action = switch (cr.createAction().value()) {
            case 2 -> 2;
            case 3, 0 -> 3;
            default -> 1;
        };
        if (o.oplock()) {
            action |= 0x8000; // [MS-CIFS] 2.2.4.41.2 Action: LOCK, an oplock was granted
        }
        boolean ext = (req.flags() & OPENX_FLAGS_EXTENDED_RESPONSE) != 0;
        WireWriter w = new WireWriter().u32le(0xFF).u16le(o.fid).u16le(FileAttribute.toMask(cr.fileAttributes()) & 0x37)
                .u32le(Smb1Legacy.utime(cr.lastWriteTime())).u32le(Math.min(cr.endOfFile(), 0xFFFFFFFFL))
                .u16le(mode.access() & 7).u16le(t.ipc() ? 2 : FILE_TYPE_DISK).u16le(t.ipc() ? 0x05FF : 0).u16le(action)
                .u32le(0).u16le(0);
        if (ext) {
            w.u32le(0x001F0000L).u32le(0); // MaximalAccess as Windows reports it (STANDARD_RIGHTS_ALL), GuestMaximalAccess
        }
        return Smb1Dispatcher.R.ok(new Smb1RawMessage(Smb1Command.OPEN_ANDX, true, w.toByteArray(), new byte[0]));
    }

    /** A created or truncated file takes the asked allocation size as its size ([MS-CIFS] 2.2.4.41.1). */
    private CreateResponse sized(RequestContext ctx, Smb1Dispatcher.Tree t, CreateResponse cr, long allocation) {
        int action = cr.createAction().value();
        if (allocation <= 0 || t.ipc() || (action != 2 && action != 3 && action != 0)) {
            return cr;
        }
        Outcome.Done done = call(t.handler(), ctx, new SetInfoRequest(InfoType.FILE, 20,
                new WireWriter().u64le(allocation).toByteArray(), 0, cr.fileId()));
        if (done.status().value() != 0) {
            return cr;
        }
        return new CreateResponse(cr.oplockLevel(), cr.flags(), cr.createAction(), cr.creationTime(), cr.lastAccessTime(),
                cr.lastWriteTime(), cr.changeTime(), Math.max(cr.allocationSize(), allocation), allocation,
                cr.fileAttributes(), cr.fileId(), cr.contexts());
    }

    // ---- TRANS2_OPEN2

    Smb1Dispatcher.R t2open(RequestContext ctx, Smb1Dispatcher.Tree t, TransactionRequest tr, boolean unicode) {
        Smb1Command c = tr.command();
        byte[] p = tr.parameters();
        if (p.length < 29) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        if (t.ipc()) {
            return Smb1Dispatcher.R.err(NtStatus.NETWORK_ACCESS_DENIED, c);
        }
        int flags = Smb1Legacy.u16(p, 0);
        Mode mode = new Mode(Smb1Legacy.u16(p, 2));
        int attrs = Smb1Legacy.u16(p, 6);
        int openMode = Smb1Legacy.u16(p, 12);
        long allocation = Smb1Legacy.u32(p, 14);
        String name = unicode ? new String(p, 28, (p.length - 28) & ~1, StandardCharsets.UTF_16LE)
                : new String(p, 28, p.length - 28, StandardCharsets.ISO_8859_1);
        int nul = name.indexOf('\0');
        name = nul >= 0 ? name.substring(0, nul) : name;
        if (openMode == 0) {
            return Smb1Dispatcher.R.err(NtStatus.OBJECT_NAME_COLLISION, c);
        }
        int disposition = disposition(openMode);
        if (disposition < 0 || !mode.valid()) {
            return Smb1Dispatcher.R.err(NtStatus.ACCESS_DENIED, c);
        }
        List<CreateContext> eas;
        try {
            byte[] data = tr.data();
            if (data.length > 0 && data.length != 4 && (data.length < 10 || Smb1Legacy.u32(data, 0) > data.length)) {
                return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
            }
            eas = Smb1Eas.contextsForFeaList(data);
        } catch (Smb1DecodeException e) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        Opened o = openFile(ctx, t, c, name, mode, disposition, attrs, eas, org.smbscope.codec.smb2.OplockLevel.NONE);
        if (o.failure != null) {
            if (o.failure.status().equals(NtStatus.INVALID_EA_NAME)) {
                // a warning: the answer still carries the (zeroed) parameters, as Windows and Samba send it
                return new Smb1Dispatcher.R(NtStatus.INVALID_EA_NAME, TransactionResponse.of(Smb1Command.TRANSACTION2,
                        new byte[30], new byte[0]));
            }
            return o.failure;
        }
        CreateResponse cr = sized(ctx, t, o.response, allocation);
        if (cr.fileAttributes().contains(FileAttribute.DIRECTORY)) {
            files.closeFid(ctx, t, o.fid);
            return Smb1Dispatcher.R.err(NtStatus.ACCESS_DENIED, c);
        }
        int action = switch (cr.createAction().value()) {
            case 2 -> 2;
            case 3, 0 -> 3;
            default -> 1;
        };
        long eaSize = (flags & 0x8) != 0 ? Smb1Eas.eaSize(t.handler(), ctx, cr.fileId()) : 0;
        byte[] params = new WireWriter().u16le(o.fid).u16le(FileAttribute.toMask(cr.fileAttributes()) & 0x37)
                .u32le(Smb1Legacy.utime(cr.lastWriteTime())).u32le(Math.min(cr.endOfFile(), 0xFFFFFFFFL))
                .u16le(mode.accessMode() & 0xFFFF).u16le(FILE_TYPE_DISK).u16le(0).u16le(action).u32le(0).u16le(0)
                .u32le(eaSize).toByteArray();
        return new Smb1Dispatcher.R(NtStatus.SUCCESS, TransactionResponse.of(Smb1Command.TRANSACTION2, params, new byte[0]));
    }

    // ---- shared

    private record Opened(int fid, CreateResponse response, Smb1Dispatcher.R failure, boolean oplock) {
        Opened(int fid, CreateResponse response, Smb1Dispatcher.R failure) {
            this(fid, response, failure, false);
        }
    }

    /**
     * A CREATE for a legacy open; a compatibility-mode (DENY_DOS, FCB) open by a process that already has the file
     * open that way shares that open's handle.
     */
    /**
     * Opens {@code name} for an SMB1 open command; {@code oplock} is the oplock asked for (OPEN_ANDX), which
     * breaks of it then reach through the new FID. A sharing violation is retried as Windows does
     * ({@link TreeCalls#open}).
     */
    private Opened openFile(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Command c, String name, Mode mode,
            int disposition, int attrs, List<CreateContext> contexts, org.smbscope.codec.smb2.OplockLevel oplock) {
        if (files.fids.size() >= 4096) {
            return new Opened(0, null, Smb1Dispatcher.R.err(NtStatus.INSUFFICIENT_RESOURCES, c));
        }
        CreateRequest req = Smb1Oplocks.withLevel(TreeCalls.withContexts(createRequest(name, mode.desiredAccess(),
                disposition, 0x40, attrs, new ShareAccess(mode.shareAccess())), contexts), oplock);
        Outcome.Done done = TreeCalls.open(t.handler(), ctx, req);
        if (done.status().value() != 0 || !(done.response() instanceof CreateResponse cr)) {
            return new Opened(0, null, fail(done, c));
        }
        if (!files.dispatcher().connected(t)) {
            // the tree went while the open waited
            call(t.handler(), ctx, new org.smbscope.codec.smb2.CloseRequest(0, cr.fileId()));
            return new Opened(0, null, Smb1Dispatcher.R.err(NtStatus.NETWORK_NAME_DELETED, c));
        }
        int fid = files.newFid();
        Smb1Files.Open opened = new Smb1Files.Open(t, cr.fileId(), req.name());
        if (mode.compatibility() && !t.ipc()) {
            int pid = files.pid;
            Smb1Files.Open shared = dosOpens.entrySet().stream().filter(e -> e.getValue() == pid
                    && e.getKey().tree() == t && e.getKey().name().equalsIgnoreCase(req.name())
                    && files.fids.containsValue(e.getKey())).map(Map.Entry::getKey).findFirst().orElse(null);
            if (shared != null) {
                call(t.handler(), ctx, new org.smbscope.codec.smb2.CloseRequest(0, cr.fileId()));
                opened = shared;
            } else {
                dosOpens.put(opened, pid);
            }
        }
        files.fids.put(fid, opened);
        files.opened(fid);
        boolean granted = opened.id().equals(cr.fileId()) && cr.oplockLevel().value() != 0;
        if (granted) {
            files.dispatcher().oplocks.granted(cr.fileId(), t.tid(), fid);
        }
        return new Opened(fid, cr, null, granted);
    }
}
