package org.smbscope.server.smb1;

import static org.smbscope.server.smb1.TreeCalls.ALL_SHARE;
import static org.smbscope.server.smb1.TreeCalls.call;
import static org.smbscope.server.smb1.TreeCalls.createRequest;
import static org.smbscope.server.smb1.TreeCalls.fail;
import static org.smbscope.server.smb1.TreeCalls.shareRelative;
import static org.smbscope.server.smb1.TreeCalls.withOpen;

import java.nio.charset.StandardCharsets;

import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.smb1.PathRequest;
import org.smbscope.codec.smb1.Smb1Block;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1EmptyMessage;
import org.smbscope.codec.smb1.Smb1RawMessage;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.SetInfoRequest;
import org.smbscope.codec.smb2.ShareAccess;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;
import org.smbscope.server.tree.TreeHandler;

/**
 * The SMB1 path commands ([MS-CIFS] 2.2.4): CREATE_DIRECTORY (2.2.4.1), DELETE_DIRECTORY (2.2.4.2), DELETE
 * (2.2.4.7), RENAME (2.2.4.8), NT_RENAME (2.2.4.66) and CHECK_DIRECTORY (2.2.4.17), each an open of the path on the
 * share's {@link TreeHandler} followed by the SMB2 SET_INFO or CLOSE that does the work.
 */
final class Smb1PathCommands {
    private Smb1PathCommands() {
    }

    private static final ShareAccess READ_WRITE_SHARE = new ShareAccess(0x1 | 0x2);

    static Smb1Dispatcher.R path(RequestContext ctx, Smb1Dispatcher.Tree t, PathRequest p) {
        Smb1Command c = p.command();
        TreeHandler h = t.handler();
        Outcome.Done done;
        switch (c.value()) {
            case 0x00 -> done = withOpen(h, ctx, createRequest(p.path(), 0x000081, 2, 0x1 | 0x20, 0x10, ALL_SHARE),
                    id -> Outcome.Done.ok(null));
            case 0x01 -> done = withOpen(h, ctx, createRequest(p.path(), 0x010080, 1, 0x1, 0, ALL_SHARE),
                    id -> call(h, ctx, new SetInfoRequest(InfoType.FILE, FileInformationClass.DISPOSITION.value(),
                            new byte[] {1}, 0, id)));
            case 0x06 -> done = delete(h, ctx, p);
            case 0x07 -> done = rename(h, ctx, p);
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

    static Smb1Dispatcher.R checkDirectory(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Block b, boolean unicode) {
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
        Outcome.Done done = withOpen(t.handler(), ctx, createRequest(name, 0x000080, 1, 0x1, 0, ALL_SHARE),
                id -> Outcome.Done.ok(null));
        if (done.status().value() != 0) {
            return fail(done, c);
        }
        return Smb1Dispatcher.R.ok(new Smb1RawMessage(c, true, new byte[0], new byte[0]));
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
        Outcome.Done opened = call(h, ctx, createRequest(path, 0x010080, 1, 0x40, 0, ShareAccess.NONE));
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

    private static final int RENAME_FLAG_MOVE_CLUSTER_INFORMATION = 0x0102;
    private static final int RENAME_FLAG_HARD_LINK = 0x0103;
    private static final int RENAME_FLAG_RENAME = 0x0104;
    private static final int RENAME_FLAG_COPY = 0x0105;

    /**
     * SMB_COM_NT_RENAME ([MS-CIFS] 2.2.4.66): SMB_NT_RENAME_RENAME_FILE (0x0104), SMB_NT_RENAME_SET_LINK_INFO (0x0103,
     * a hard link) and SMB_NT_RENAME_COPY (0x0105); wildcards are STATUS_OBJECT_PATH_SYNTAX_BAD,
     * SMB_NT_RENAME_MOVE_CLUSTER_INFORMATION STATUS_INVALID_PARAMETER and any other level STATUS_ACCESS_DENIED (as
     * Windows before 7 and Samba answer).
     */
    static Smb1Dispatcher.R ntRename(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Block b, boolean unicode) {
        Smb1Command c = Smb1Command.of(0xA5);
        byte[] w = b.words();
        if (w.length != 8) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        int level = Smb1Legacy.u16(w, 2);
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
        if (hasWildcard(from) || hasWildcard(to)) {
            return Smb1Dispatcher.R.err(NtStatus.OBJECT_PATH_SYNTAX_BAD, c);
        }
        TreeHandler h = t.handler();
        Outcome.Done done = switch (level) {
            case RENAME_FLAG_RENAME -> rename(h, ctx, new PathRequest(Smb1Command.RENAME, Smb1Legacy.u16(w, 0), from, to));
            case RENAME_FLAG_HARD_LINK -> withOpen(h, ctx, createRequest(from, 0x80, 1, 0x40, 0, ALL_SHARE),
                    id -> call(h, ctx, new SetInfoRequest(InfoType.FILE, 11, renameInfo(shareRelative(to), false), 0, id)));
            case RENAME_FLAG_COPY -> copy(h, ctx, from, to);
            // a cluster count with it is an invalid parameter; without, it is refused as any other level
            case RENAME_FLAG_MOVE_CLUSTER_INFORMATION -> Outcome.Done.error(Smb1Legacy.u32(w, 4) != 0
                    ? NtStatus.INVALID_PARAMETER : NtStatus.ACCESS_DENIED, org.smbscope.codec.smb2.Smb2Command.SET_INFO);
            default -> Outcome.Done.error(NtStatus.ACCESS_DENIED, org.smbscope.codec.smb2.Smb2Command.SET_INFO);
        };
        return done.status().value() != 0 ? Smb1Dispatcher.R.err(done.status(), c)
                : Smb1Dispatcher.R.ok(new Smb1EmptyMessage(c, true));
    }

    private static boolean hasWildcard(String name) {
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '*' || ch == '?' || ch == '<' || ch == '>' || ch == '"') {
                return true;
            }
        }
        return false;
    }

    /**
     * A rename by path (SMB_COM_RENAME, NT_RENAME): the file opened for DELETE without sharing delete, as Samba does
     * (an open holding DELETE conflicts); a hidden or system file only when SearchAttributes include it, else
     * STATUS_NO_SUCH_FILE.
     */
    private static Outcome.Done rename(TreeHandler h, RequestContext ctx, PathRequest p) {
        Outcome.Done opened = call(h, ctx, createRequest(p.path(), 0x010080, 1, 0, 0, READ_WRITE_SHARE));
        if (opened.status().value() != 0 || !(opened.response() instanceof CreateResponse cr)) {
            return opened;
        }
        Outcome.Done r;
        if ((FileAttribute.toMask(cr.fileAttributes()) & ~p.searchAttributes() & 0x6) != 0) {
            r = Outcome.Done.error(NtStatus.NO_SUCH_FILE, cr.command());
        } else {
            r = call(h, ctx, new SetInfoRequest(InfoType.FILE, FileInformationClass.RENAME.value(),
                    renameInfo(shareRelative(p.newPath()), false), 0, cr.fileId()));
        }
        Outcome.Done closed = call(h, ctx, new org.smbscope.codec.smb2.CloseRequest(0, cr.fileId()));
        return r.status().value() == 0 && closed.status().value() != 0 ? closed : r;
    }

    /** SMB_NT_RENAME_COPY: a new file {@code to} with the data and attributes of the file {@code from}. */
    private static Outcome.Done copy(TreeHandler h, RequestContext ctx, String from, String to) {
        Outcome.Done src = call(h, ctx, createRequest(from, 0x81, 1, 0x40, 0, READ_WRITE_SHARE));
        if (src.status().value() != 0 || !(src.response() instanceof CreateResponse in)) {
            return src;
        }
        try {
            int attrs = FileAttribute.toMask(in.fileAttributes()) & 0x27;
            Outcome.Done dst = call(h, ctx, createRequest(to, 0x2 | 0x100, 2, 0x40, attrs == 0 ? 0x80 : attrs,
                    READ_WRITE_SHARE));
            if (dst.status().value() != 0 || !(dst.response() instanceof CreateResponse out)) {
                return dst;
            }
            Outcome.Done r = Outcome.Done.ok(null);
            // (a failure below leaves the partial copy, as a failed copy on Windows does)
            long offset = 0;
            while (r.status().value() == 0) {
                Outcome.Done read = call(h, ctx, org.smbscope.codec.smb2.ReadRequest.of(in.fileId(), offset, 65536));
                if (read.status().equals(NtStatus.END_OF_FILE)) {
                    break;
                }
                if (read.status().value() != 0 || !(read.response() instanceof org.smbscope.codec.smb2.ReadResponse rr)) {
                    r = read;
                    break;
                }
                java.nio.ByteBuffer chunk = rr.data().duplicate();
                int n = chunk.remaining();
                if (n == 0) {
                    break;
                }
                r = call(h, ctx, org.smbscope.codec.smb2.WriteRequest.of(out.fileId(), offset, chunk));
                offset += n;
            }
            if (r.status().value() == 0) {
                // the copy keeps the source's attributes (a new file would otherwise show ARCHIVE)
                byte[] basic = new WireWriter().bytes(new byte[32]).u32le(attrs == 0 ? 0x80 : attrs).u32le(0)
                        .toByteArray();
                r = call(h, ctx, new SetInfoRequest(InfoType.FILE, FileInformationClass.BASIC.value(), basic, 0,
                        out.fileId()));
            }
            call(h, ctx, new org.smbscope.codec.smb2.CloseRequest(0, out.fileId()));
            return r;
        } finally {
            call(h, ctx, new org.smbscope.codec.smb2.CloseRequest(0, in.fileId()));
        }
    }
}
