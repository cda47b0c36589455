package org.smbscope.server.smb1;

import static org.smbscope.server.smb1.TreeCalls.call;
import static org.smbscope.server.smb1.TreeCalls.createRequest;
import static org.smbscope.server.smb1.TreeCalls.fail;
import static org.smbscope.server.smb1.TreeCalls.shareRelative;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.QueryInfoResponse;
import org.smbscope.codec.smb2.SetInfoRequest;
import org.smbscope.codec.smb2.ShareAccess;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;
/**
 * SMB_COM_NT_TRANSACT ([MS-CIFS] 2.2.7): NT_TRANSACT_CREATE (an NT_CREATE_ANDX with a security descriptor and an EA
 * list, passed on as the SecD and ExtA create contexts), QUERY_SECURITY_DESC and SET_SECURITY_DESC; other functions STATUS_NOT_SUPPORTED.
 */
final class Smb1NtTransact {
    /**
     * CreateOptions Windows refuses with STATUS_INVALID_PARAMETER: FILE_SYNCHRONOUS_IO_ALERT / _NONALERT without
     * SYNCHRONIZE semantics over SMB, FILE_OPEN_FOR_FREE_SPACE_QUERY and the reserved high byte.
     */
    static final int INVALID_OPTIONS = 0xFF100030;

    private final Smb1Files files;
    private final Smb1NotifyRename notifyRename;

    Smb1NtTransact(Smb1Files files) {
        this.files = files;
        this.notifyRename = new Smb1NotifyRename(files);
    }


    private static Smb1Dispatcher.R nt(NtStatus status, byte[] params, byte[] data) {
        return new Smb1Dispatcher.R(status, new org.smbscope.codec.smb1.NtTransactMessage(true, 0, params.length,
                data.length, 0, 0, 0, new int[0], params, data));
    }

    Smb1Dispatcher.R ntTransact(RequestContext ctx, Smb1Dispatcher.Tree t, org.smbscope.codec.smb1.NtTransactMessage m,
            boolean unicode) {
        Smb1Command c = Smb1Command.NT_TRANSACT;
        byte[] p = m.parameters();
        if (m.totalParameterCount() != p.length || m.totalDataCount() != m.data().length) {
            return Smb1Dispatcher.R.err(NtStatus.NOT_SUPPORTED, c);
        }
        switch (m.function()) {
            case 1 -> {
                return ntCreate(ctx, t, m, unicode);
            }
            case 2 -> {
                return ioctl(ctx, t, m);
            }
            case 3, 6 -> {
                if (p.length < 8) {
                    return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
                }
                Smb1Files.Open o = files.open(t, Smb1Legacy.u16(p, 0));
                if (o == null) {
                    return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, c);
                }
                int secInfo = (int) Smb1Legacy.u32(p, 4);
                if (m.function() == 3) {
                    Outcome.Done done = call(t.handler(), ctx, new SetInfoRequest(InfoType.SECURITY, 0, m.data(), secInfo,
                            o.id()));
                    return done.status().value() != 0 ? fail(done, c) : nt(NtStatus.SUCCESS, new byte[0], new byte[0]);
                }
                Outcome.Done done = call(t.handler(), ctx, new QueryInfoRequest(InfoType.SECURITY, 0, 65536, new byte[0],
                        secInfo, 0, o.id()));
                if (done.status().value() != 0 || !(done.response() instanceof QueryInfoResponse q)) {
                    return fail(done, c);
                }
                byte[] sd = q.output();
                byte[] len = new WireWriter().u32le(sd.length).toByteArray();
                if (sd.length > m.maxDataCount()) {
                    return nt(NtStatus.BUFFER_TOO_SMALL, len, new byte[0]);
                }
                return nt(NtStatus.SUCCESS, len, sd);
            }
            case Smb1NotifyRename.NOTIFY_CHANGE -> {
                return notifyRename.notifyChange(ctx, t, m);
            }
            case Smb1NotifyRename.RENAME -> {
                return notifyRename.rename(t, m);
            }
            default -> {
                return Smb1Dispatcher.R.err(NtStatus.NOT_SUPPORTED, c);
            }
        }
    }

    /** NT_TRANSACT_CREATE ([MS-CIFS] 2.2.7.1): NT_CREATE_ANDX with a security descriptor and EAs. */
    private Smb1Dispatcher.R ntCreate(RequestContext ctx, Smb1Dispatcher.Tree t, org.smbscope.codec.smb1.NtTransactMessage m,
            boolean unicode) {
        Smb1Command c = Smb1Command.NT_TRANSACT;
        byte[] p = m.parameters();
        if (p.length < 53) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        long root = Smb1Legacy.u32(p, 4);
        int access = (int) Smb1Legacy.u32(p, 8);
        int attrs = (int) Smb1Legacy.u32(p, 20);
        int share = (int) Smb1Legacy.u32(p, 24);
        int disposition = (int) Smb1Legacy.u32(p, 28);
        int options = (int) Smb1Legacy.u32(p, 32);
        long sdLength = Smb1Legacy.u32(p, 36);
        long eaLength = Smb1Legacy.u32(p, 40);
        long nameLength = Smb1Legacy.u32(p, 44);
        int at = 53;
        if (unicode) {
            at++; // [MS-CIFS] 2.2.7.1.1: a pad byte aligns the Unicode name
        }
        if (nameLength > p.length - at || sdLength > m.data().length || eaLength > m.data().length - sdLength) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        if ((options & INVALID_OPTIONS) != 0) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        String name = unicode ? new String(p, at, (int) nameLength & ~1, StandardCharsets.UTF_16LE)
                : new String(p, at, (int) nameLength, StandardCharsets.ISO_8859_1);
        int nul = name.indexOf('\0');
        name = nul >= 0 ? name.substring(0, nul) : name;
        if (root != 0) {
            Smb1Files.Open r = files.open(t, (int) root);
            if (r == null || root > 0xFFFF) {
                return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, c);
            }
            String rel = shareRelative(name);
            name = r.name().isEmpty() ? rel : rel.isEmpty() ? r.name() : r.name() + "\\" + rel;
        }
        List<org.smbscope.codec.smb2.CreateContext> contexts = List.of();
        if (sdLength > 0) {
            contexts = List.of(new org.smbscope.codec.smb2.CreateContext("SecD",
                    java.util.Arrays.copyOf(m.data(), (int) sdLength)));
        }
        if (eaLength > 0) {
            // the EA list (FILE_FULL_EA_INFORMATION) follows the descriptor: the CREATE's "ExtA" context
            contexts = new java.util.ArrayList<>(contexts);
            contexts.add(new org.smbscope.codec.smb2.CreateContext(org.smbscope.codec.smb2.CreateContext.EA_BUFFER,
                    java.util.Arrays.copyOfRange(m.data(), (int) sdLength, (int) (sdLength + eaLength))));
        }
        CreateRequest base = createRequest(name, access, disposition, options, attrs, new ShareAccess(share));
        CreateRequest req = new CreateRequest(base.oplockLevel(), base.impersonationLevel(), base.desiredAccess(),
                base.fileAttributes(), base.shareAccess(), base.createDisposition(), base.createOptions(), base.name(),
                contexts);
        Outcome.Done done = call(t.handler(), ctx, req);
        if (done.status().equals(NtStatus.INVALID_EA_NAME)) {
            return nt(done.status(), new byte[69], new byte[0]); // a warning: zeroed parameters, as Samba sends
        }
        if (done.status().value() != 0 || !(done.response() instanceof CreateResponse cr)) {
            return fail(done, c);
        }
        if (files.fids.size() >= 4096) {
            call(t.handler(), ctx, new org.smbscope.codec.smb2.CloseRequest(0, cr.fileId()));
            return Smb1Dispatcher.R.err(NtStatus.INSUFFICIENT_RESOURCES, c);
        }
        int fid = files.newFid();
        files.fids.put(fid, new Smb1Files.Open(t, cr.fileId(), req.name()));
        files.opened(fid);
        boolean dir = cr.fileAttributes().contains(FileAttribute.DIRECTORY);
        byte[] out = new WireWriter().u8(0).u8(0).u16le(fid).u32le(cr.createAction().value()).u32le(0)
                .u64le(cr.creationTime().value()).u64le(cr.lastAccessTime().value()).u64le(cr.lastWriteTime().value())
                .u64le(cr.changeTime().value()).u32le(FileAttribute.toMask(cr.fileAttributes()) & 0xFFFFFFFFL)
                .u64le(cr.allocationSize()).u64le(cr.endOfFile()).u16le(t.ipc() ? 2 : 0).u16le(t.ipc() ? 0x05FF : 0)
                .u8(dir ? 1 : 0).toByteArray();
        return nt(NtStatus.SUCCESS, out, new byte[0]);
    }

    /**
     * [MS-CIFS] 2.2.7.2 NT_TRANSACT_IOCTL: Setup = FunctionCode (u32 as two words), FID, IsFsctl (low byte) and
     * IsFlags (high byte); an FSCTL is passed to the tree's handler as an SMB2 IOCTL, its output returned as the data.
     */
    private Smb1Dispatcher.R ioctl(RequestContext ctx, Smb1Dispatcher.Tree t, org.smbscope.codec.smb1.NtTransactMessage m) {
        Smb1Command c = Smb1Command.NT_TRANSACT;
        int[] setup = m.setup();
        if (setup.length != 4) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        long code = (setup[0] & 0xFFFFL) | ((setup[1] & 0xFFFFL) << 16);
        Smb1Files.Open o = files.open(t, setup[2] & 0xFFFF);
        if (o == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, c);
        }
        if ((setup[3] & 0xFF) == 0) {
            return Smb1Dispatcher.R.err(NtStatus.NOT_SUPPORTED, c);
        }
        int maxOut = (int) Math.min(m.maxDataCount(), 65536);
        Outcome.Done done = call(t.handler(), ctx, org.smbscope.codec.smb2.IoctlRequest.fsctl(
                new org.smbscope.codec.smb2.CtlCode((int) code), o.id(), m.data(), maxOut));
        if (done.status().value() != 0 || !(done.response() instanceof org.smbscope.codec.smb2.IoctlResponse r)) {
            return fail(done, c);
        }
        return nt(NtStatus.SUCCESS, new byte[0], r.output());
    }
}
