package org.smbscope.server.smb1;

import static org.smbscope.server.smb1.TreeCalls.ALL_SHARE;
import static org.smbscope.server.smb1.TreeCalls.call;
import static org.smbscope.server.smb1.TreeCalls.createRequest;
import static org.smbscope.server.smb1.TreeCalls.fail;
import static org.smbscope.server.smb1.TreeCalls.networkOpen;
import static org.smbscope.server.smb1.TreeCalls.shareRelative;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.smb1.Smb1Block;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1RawMessage;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.ReadRequest;
import org.smbscope.codec.smb2.ReadResponse;
import org.smbscope.codec.smb2.SetInfoRequest;
import org.smbscope.codec.smb2.WriteRequest;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;

/**
 * The legacy core-protocol file commands ([MS-CIFS] 2.2.4): SEEK (2.2.4.19), core READ (2.2.4.11) and WRITE
 * (2.2.4.12), WRITE_AND_CLOSE (2.2.4.40), QUERY_INFORMATION (2.2.4.9), SET_INFORMATION (2.2.4.10), GET_ATTRIBUTES_E
 * (2.2.4.27) and CREATE_TEMPORARY (2.2.4.15), and the SMB1 file pointer helpers shared with READ_ANDX/WRITE_ANDX.
 * {@link Smb1Files} owns the FID table and delegates these commands here.
 */
final class Smb1CoreCommands {
    private final Smb1Files f;
    private final Smb1Dispatcher d;

    Smb1CoreCommands(Smb1Files f) {
        this.f = f;
        this.d = f.dispatcher();
    }

    Smb1Dispatcher.R queryInformation(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Block b, boolean unicode) {
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

    Smb1Dispatcher.R setInformation(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Block b, boolean unicode) {
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

    Smb1Dispatcher.R getAttrE(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1RawMessage raw) {
        Smb1Files.Open o = f.open(t, Smb1Legacy.u16(raw.words(), 0));
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
    void readDone(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Files.Open o, long end) {
        f.pointers.put(o, end & 0xFFFFFFFFL);
    }

    /** The open's FilePositionInformation (an SMB1 write must leave it where it was), or -1. */
    long position(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Files.Open o) {
        Outcome.Done done = call(t.handler(), ctx, new org.smbscope.codec.smb2.QueryInfoRequest(InfoType.FILE, 14, 8,
                new byte[0], 0, 0, o.id()));
        if (done.status().value() == 0 && done.response() instanceof org.smbscope.codec.smb2.QueryInfoResponse qr
                && qr.output().length >= 8) {
            return Smb1Legacy.u32(qr.output(), 0) | (Smb1Legacy.u32(qr.output(), 4) << 32);
        }
        return -1;
    }

    void restorePosition(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Files.Open o, long position) {
        if (position >= 0) {
            call(t.handler(), ctx, new SetInfoRequest(InfoType.FILE, 14, new WireWriter().u64le(position).toByteArray(), 0,
                    o.id()));
        }
    }

    /**
     * [MS-CIFS] 2.2.4.19 SMB_COM_SEEK: words FID, Mode (0 start, 1 current, 2 end), signed 32-bit Offset; the answer
     * is the new 32-bit pointer (arithmetic wraps at 2^32, as Windows does). The FilePositionInformation is unchanged.
     */
    Smb1Dispatcher.R seek(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1RawMessage raw) {
        byte[] w = raw.words();
        if (w.length != 8) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, raw.command());
        }
        Smb1Files.Open o = f.open(t, Smb1Legacy.u16(w, 0));
        if (o == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, raw.command());
        }
        int mode = Smb1Legacy.u16(w, 2);
        long delta = (int) Smb1Legacy.u32(w, 4);
        long base;
        switch (mode) {
            case 0 -> base = 0;
            case 1 -> base = f.pointers.getOrDefault(o, 0L);
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
        f.pointers.put(o, now);
        return Smb1Dispatcher.R.ok(new Smb1RawMessage(raw.command(), true, new WireWriter().u32le(now).toByteArray(),
                new byte[0]));
    }

    Smb1Dispatcher.R coreRead(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1RawMessage raw) {
        byte[] w = raw.words();
        Smb1Files.Open o = w.length == 10 ? f.open(t, Smb1Legacy.u16(w, 0)) : null;
        if (o == null) {
            return Smb1Dispatcher.R.err(w.length == 10 ? NtStatus.INVALID_HANDLE : NtStatus.INVALID_PARAMETER, raw.command());
        }
        int count = Math.min(Smb1Legacy.u16(w, 2), d.clientMaxBuffer - 64);
        if (f.pidLocks.readConflicts(o, f.pid, Smb1Legacy.u32(w, 4), count)) {
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

    Smb1Dispatcher.R coreWrite(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1RawMessage raw) {
        byte[] w = raw.words();
        byte[] data = raw.data();
        Smb1Files.Open o = w.length == 10 ? f.open(t, Smb1Legacy.u16(w, 0)) : null;
        if (o == null) {
            return Smb1Dispatcher.R.err(w.length == 10 ? NtStatus.INVALID_HANDLE : NtStatus.INVALID_PARAMETER, raw.command());
        }
        int count = Smb1Legacy.u16(w, 2);
        long offset = Smb1Legacy.u32(w, 4);
        if (f.pidLocks.writeConflicts(o, f.pid, offset, count)) {
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
        f.pointers.put(o, (offset + count) & 0xFFFFFFFFL);
        return Smb1Dispatcher.R.ok(new Smb1RawMessage(raw.command(), true, new WireWriter().u16le(count).toByteArray(),
                new byte[0]));
    }

    /**
     * SMB_COM_CREATE_TEMPORARY ([MS-CIFS] 2.2.4.15): a new file with a unique name in the directory; the response
     * names it (OEM, without the directory, as Windows and Samba answer).
     */
    Smb1Dispatcher.R createTemporary(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Block b, boolean unicode) {
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
            int fid = f.newFid();
            f.fids.put(fid, new Smb1Files.Open(t, cr.fileId(), req.name()));
            byte[] data = new WireWriter().u8(4).bytes(name.getBytes(StandardCharsets.US_ASCII)).u8(0).toByteArray();
            return Smb1Dispatcher.R.ok(new Smb1RawMessage(c, true, new WireWriter().u16le(fid).toByteArray(), data));
        }
        return Smb1Dispatcher.R.err(NtStatus.OBJECT_NAME_COLLISION, c);
    }

    /** SMB_COM_WRITE_AND_CLOSE ([MS-CIFS] 2.2.4.40): a write, then the close. */
    Smb1Dispatcher.R writeAndClose(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1RawMessage raw) {
        byte[] w = raw.words();
        byte[] data = raw.data();
        Smb1Command c = raw.command();
        if (w.length != 12 && w.length != 24) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        int fid = Smb1Legacy.u16(w, 0);
        Smb1Files.Open o = f.open(t, fid);
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
        f.fids.remove(fid);
        if (f.fids.containsValue(o)) {
            return done.status().value() != 0 ? fail(done, c)
                    : Smb1Dispatcher.R.ok(new Smb1RawMessage(c, true, new WireWriter().u16le(count).toByteArray(),
                            new byte[0]));
        }
        f.forget(o);
        Outcome.Done closed = call(t.handler(), ctx, new org.smbscope.codec.smb2.CloseRequest(0, o.id()));
        if (done.status().value() != 0) {
            return fail(done, c);
        }
        if (closed.status().value() != 0) {
            return fail(closed, c);
        }
        return Smb1Dispatcher.R.ok(new Smb1RawMessage(c, true, new WireWriter().u16le(count).toByteArray(), new byte[0]));
    }
}
