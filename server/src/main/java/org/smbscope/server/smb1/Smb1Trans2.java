package org.smbscope.server.smb1;

import static org.smbscope.server.smb1.TreeCalls.ALL_SHARE;
import static org.smbscope.server.smb1.TreeCalls.call;
import static org.smbscope.server.smb1.TreeCalls.createRequest;
import static org.smbscope.server.smb1.TreeCalls.fail;
import static org.smbscope.server.smb1.TreeCalls.withOpen;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1DecodeException;
import org.smbscope.codec.smb1.Smb1RawMessage;
import org.smbscope.codec.smb1.Trans2;
import org.smbscope.codec.smb1.TransactionRequest;
import org.smbscope.codec.smb1.TransactionResponse;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.QueryDirectoryRequest;
import org.smbscope.codec.smb2.QueryDirectoryResponse;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.QueryInfoResponse;
import org.smbscope.codec.smb2.SetInfoRequest;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;
/**
 * SMB_COM_TRANSACTION2 ([MS-CIFS] 2.2.6): FIND_FIRST2 / FIND_NEXT2 (a CREATE of the directory, then QUERY_DIRECTORYs
 * until the client's buffer is full or the listing ends), FIND_CLOSE2, QUERY_PATH / QUERY_FILE / QUERY_FS and
 * SET_FILE / SET_PATH information (levels mapped by {@link Smb1Info}), CREATE_DIRECTORY.
 */
final class Smb1Trans2 {
    private static final int FIND_CLOSE_AFTER_REQUEST = 0x01;
    private static final int FIND_CLOSE_AT_EOS = 0x02;

    record Search(Smb1Dispatcher.Tree tree, FileId id, int level) {
    }

    private final Smb1Files files;
    private final Map<Integer, Search> searches = new HashMap<>();
    private int nextSid = 1;

    Smb1Trans2(Smb1Files files) {
        this.files = files;
    }

    /** Forgets the tree's searches (their opens go with the tree's handler). */
    void closeTree(Smb1Dispatcher.Tree t) {
        searches.values().removeIf(o -> o.tree() == t);
    }


    Smb1Dispatcher.R trans2(RequestContext ctx, Smb1Dispatcher.Tree t, TransactionRequest tr, boolean unicode) {
        Smb1Command c = tr.command();
        if (tr.totalParameterCount() != tr.parameters().length || tr.totalDataCount() != tr.data().length) {
            return Smb1Dispatcher.R.err(NtStatus.NOT_SUPPORTED, c);
        }
        try {
            return switch (tr.subcommand()) {
                case Trans2.FIND_FIRST2 -> findFirst(ctx, t, tr, Trans2.FindFirst2Request.decode(tr.parameters(), unicode),
                        unicode);
                case Trans2.FIND_NEXT2 -> findNext(ctx, t, tr, Trans2.FindNext2Request.decode(tr.parameters(), unicode),
                        unicode);
                case Trans2.QUERY_PATH_INFORMATION -> queryPath(ctx, t, tr,
                        Trans2.QueryPathInformationRequest.decode(tr.parameters(), unicode));
                case Trans2.QUERY_FILE_INFORMATION -> queryFile(ctx, t, tr,
                        Trans2.QueryFileInformationRequest.decode(tr.parameters()));
                case Trans2.QUERY_FS_INFORMATION -> queryFs(ctx, t, tr,
                        Trans2.QueryFsInformationRequest.decode(tr.parameters()));
                case Trans2.SET_FILE_INFORMATION -> setFile(ctx, t, tr,
                        Trans2.SetFileInformationRequest.decode(tr.parameters()));
                case 0x0D -> t2mkdir(ctx, t, tr, unicode);
                case 0x00 -> files.legacyOpens().t2open(ctx, t, tr, unicode);
                case Trans2.SET_PATH_INFORMATION -> setPath(ctx, t, tr,
                        Trans2.QueryPathInformationRequest.decode(tr.parameters(), unicode));
                default -> Smb1Dispatcher.R.err(NtStatus.NOT_SUPPORTED, c);
            };
        } catch (Smb1DecodeException e) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
    }

    private static Smb1Dispatcher.R t2(NtStatus status, byte[] params, byte[] data) {
        return new Smb1Dispatcher.R(status, TransactionResponse.of(Smb1Command.TRANSACTION2, params, data));
    }

    private int findLimit(TransactionRequest tr) {
        return Math.max(0, Math.min(Math.min(tr.maxDataCount(), files.dispatcher().clientMaxBuffer - 200), 60000));
    }

    private Smb1Dispatcher.R findFirst(RequestContext ctx, Smb1Dispatcher.Tree t, TransactionRequest tr,
            Trans2.FindFirst2Request f, boolean unicode) {
        Integer cls = Smb1Info.findClass(f.informationLevel());
        if (cls == null) {
            return Smb1Dispatcher.R.err(NtStatus.NOT_SUPPORTED, tr.command());
        }
        String full = f.fileName().replace('/', '\\');
        int slash = full.lastIndexOf('\\');
        String dir = slash < 0 ? "" : full.substring(0, slash);
        String pattern = slash < 0 ? full : full.substring(slash + 1);
        if (pattern.isEmpty()) {
            pattern = "*";
        }
        Outcome.Done opened = call(t.handler(), ctx, createRequest(dir, 0x000081, 1, 0x1, 0, ALL_SHARE));
        if (opened.status().value() != 0 || !(opened.response() instanceof CreateResponse cr)) {
            return fail(opened, tr.command());
        }
        if (searches.size() >= 1024) {
            call(t.handler(), ctx, new org.smbscope.codec.smb2.CloseRequest(0, cr.fileId()));
            return Smb1Dispatcher.R.err(NtStatus.INSUFFICIENT_RESOURCES, tr.command());
        }
        Search s = new Search(t, cr.fileId(), cls);
        Listing l = list(ctx, s, pattern, true, f.searchCount(), findLimit(tr), unicode);
        if (l.error != null || l.count == 0) {
            call(t.handler(), ctx, new org.smbscope.codec.smb2.CloseRequest(0, cr.fileId()));
            NtStatus st = l.error != null ? l.error : NtStatus.NO_SUCH_FILE;
            return Smb1Dispatcher.R.err(st, tr.command());
        }
        int sid = nextSid;
        nextSid = nextSid >= 0xFFFE ? 1 : nextSid + 1;
        boolean close = (f.flags() & FIND_CLOSE_AFTER_REQUEST) != 0 || (l.eos && (f.flags() & FIND_CLOSE_AT_EOS) != 0);
        if (close) {
            call(t.handler(), ctx, new org.smbscope.codec.smb2.CloseRequest(0, cr.fileId()));
        } else {
            searches.put(sid, s);
        }
        byte[] params = new Trans2.FindResponse(sid, l.count, l.eos, 0, l.lastOffset).encodeFirst();
        return t2(NtStatus.SUCCESS, params, l.data);
    }

    private Smb1Dispatcher.R findNext(RequestContext ctx, Smb1Dispatcher.Tree t, TransactionRequest tr,
            Trans2.FindNext2Request f, boolean unicode) {
        Search s = searches.get(f.sid());
        if (s == null || s.tree() != t) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, tr.command());
        }
        Integer cls = Smb1Info.findClass(f.informationLevel());
        if (cls == null) {
            return Smb1Dispatcher.R.err(NtStatus.NOT_SUPPORTED, tr.command());
        }
        Listing l = list(ctx, new Search(t, s.id(), cls), "*", false, f.searchCount(), findLimit(tr), unicode);
        if (l.error != null) {
            return Smb1Dispatcher.R.err(l.error, tr.command());
        }
        boolean close = (f.flags() & FIND_CLOSE_AFTER_REQUEST) != 0 || (l.eos && (f.flags() & FIND_CLOSE_AT_EOS) != 0);
        if (close) {
            searches.remove(f.sid());
            call(t.handler(), ctx, new org.smbscope.codec.smb2.CloseRequest(0, s.id()));
        }
        byte[] params = new Trans2.FindResponse(0, l.count, l.eos, 0, l.lastOffset).encodeNext();
        return t2(NtStatus.SUCCESS, params, l.data);
    }

    Smb1Dispatcher.R findClose(RequestContext ctx, Smb1RawMessage raw) {
        byte[] w = raw.words();
        if (w.length < 2) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, raw.command());
        }
        int sid = (w[0] & 0xFF) | (w[1] & 0xFF) << 8;
        Search s = searches.remove(sid);
        if (s == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, raw.command());
        }
        call(s.tree().handler(), ctx, new org.smbscope.codec.smb2.CloseRequest(0, s.id()));
        return Smb1Dispatcher.R.ok(new Smb1RawMessage(raw.command(), true, new byte[0], new byte[0]));
    }

    /** Entries in the SMB1 layout (the FSCC directory classes the info levels name), counted, with the last entry's offset. */
    record Listing(byte[] data, int count, int lastOffset, boolean eos, NtStatus error) {
    }

    private static Listing list(RequestContext ctx, Search s, String pattern, boolean restart, int maxCount, int limit,
            boolean unicode) {
        WireWriter w = new WireWriter();
        int count = 0;
        int last = -1;
        boolean eos = false;
        boolean first = restart;
        while (limit - w.size() >= 128 && (maxCount <= 0 || count < maxCount)) {
            int room = limit - ((w.size() + 7) & ~7);
            QueryDirectoryRequest q = new QueryDirectoryRequest(new FileInformationClass(s.level()),
                    first ? QueryDirectoryRequest.RESTART_SCANS : 0, 0, s.id(), pattern, room);
            first = false;
            Outcome.Done done = call(s.tree().handler(), ctx, q);
            if (done.status().equals(NtStatus.NO_MORE_FILES)) {
                eos = true;
                break;
            }
            if (done.status().value() != 0 || !(done.response() instanceof QueryDirectoryResponse qr)) {
                if (count == 0) {
                    return new Listing(null, 0, 0, false, done.status());
                }
                break;
            }
            byte[] out = qr.output();
            if (out.length == 0) {
                eos = true;
                break;
            }
            if (last >= 0) {
                w.align(8);
                w.patchU32le(last, w.size() - last);
            }
            int base = w.size();
            w.bytes(out);
            int pos = 0;
            while (true) {
                count++;
                last = base + pos;
                if (pos + 4 > out.length) {
                    break;
                }
                int next = (out[pos] & 0xFF) | (out[pos + 1] & 0xFF) << 8 | (out[pos + 2] & 0xFF) << 16 | (out[pos + 3] & 0xFF) << 24;
                if (next <= 0 || pos + next >= out.length) {
                    break;
                }
                pos += next;
            }
        }
        if (!unicode) {
            byte[] oem = Smb1Info.oemEntries(w.toByteArray(), s.level());
            int[] c = Smb1Info.countEntries(oem);
            return new Listing(oem, c[0], c[1], eos, null);
        }
        return new Listing(w.toByteArray(), count, Math.max(0, last), eos, null);
    }

    // ---- QUERY / SET information

    private Smb1Dispatcher.R queryPath(RequestContext ctx, Smb1Dispatcher.Tree t, TransactionRequest tr,
            Trans2.QueryPathInformationRequest q) {
        if (Smb1Eas.isQueryLevel(q.informationLevel())) {
            byte[][] out = new byte[1][];
            Outcome.Done done = withOpen(t.handler(), ctx, createRequest(q.fileName(), Smb1Eas.QUERY_ACCESS, 1, 0, 0,
                    ALL_SHARE), id -> Smb1Eas.query(t.handler(), ctx, id, q.informationLevel(), tr.data(),
                    tr.maxDataCount(), out));
            return eaAnswer(done, tr, out[0]);
        }
        Smb1Info.Level lv = Smb1Info.fileLevel(q.informationLevel());
        if (lv == null) {
            return Smb1Dispatcher.R.err(NtStatus.NOT_SUPPORTED, tr.command());
        }
        byte[][] out = new byte[1][];
        Outcome.Done done = withOpen(t.handler(), ctx, createRequest(q.fileName(), 0x80, 1, 0, 0, ALL_SHARE),
                id -> queryInfo(t, ctx, id, InfoType.FILE, lv.infoClass(), tr.maxDataCount(), out));
        if (done.status().value() != 0) {
            return fail(done, tr.command());
        }
        return t2(NtStatus.SUCCESS, new byte[2], lv.convert(out[0]));
    }

    private Smb1Dispatcher.R queryFile(RequestContext ctx, Smb1Dispatcher.Tree t, TransactionRequest tr,
            Trans2.QueryFileInformationRequest q) {
        Smb1Files.Open o = files.open(t, q.fid());
        if (o == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, tr.command());
        }
        if (Smb1Eas.isQueryLevel(q.informationLevel())) {
            byte[][] out = new byte[1][];
            Outcome.Done done = Smb1Eas.query(t.handler(), ctx, o.id(), q.informationLevel(), tr.data(),
                    tr.maxDataCount(), out);
            return eaAnswer(done, tr, out[0]);
        }
        Smb1Info.Level lv = Smb1Info.fileLevel(q.informationLevel());
        if (lv == null) {
            return Smb1Dispatcher.R.err(NtStatus.NOT_SUPPORTED, tr.command());
        }
        byte[][] out = new byte[1][];
        Outcome.Done done = queryInfo(t, ctx, o.id(), InfoType.FILE, lv.infoClass(), tr.maxDataCount(), out);
        if (done.status().value() != 0) {
            return fail(done, tr.command());
        }
        return t2(NtStatus.SUCCESS, new byte[2], lv.convert(out[0]));
    }

    private Smb1Dispatcher.R queryFs(RequestContext ctx, Smb1Dispatcher.Tree t, TransactionRequest tr,
            Trans2.QueryFsInformationRequest q) {
        Smb1Info.Level lv = Smb1Info.fsLevel(q.informationLevel());
        if (lv == null) {
            return Smb1Dispatcher.R.err(NtStatus.NOT_SUPPORTED, tr.command());
        }
        byte[][] out = new byte[1][];
        Outcome.Done done = withOpen(t.handler(), ctx, createRequest("", 0x000080, 1, 0x1, 0, ALL_SHARE),
                id -> queryInfo(t, ctx, id, InfoType.FILESYSTEM, lv.infoClass(), 65536, out));
        if (done.status().value() != 0) {
            return fail(done, tr.command());
        }
        return t2(NtStatus.SUCCESS, new byte[0], lv.convert(out[0]));
    }

    /** The answer of SMB_INFO_SET_EAS: STATUS_INVALID_EA_NAME is a warning and still carries the parameters. */
    private static Smb1Dispatcher.R setAnswer(Outcome.Done done, TransactionRequest tr) {
        if (done.status().value() != 0 && !done.status().equals(NtStatus.INVALID_EA_NAME)) {
            return fail(done, tr.command());
        }
        return t2(done.status(), new byte[2], new byte[0]);
    }

    /** The TRANS2 answer of an EA level: its data, STATUS_BUFFER_OVERFLOW with what fit, or the failure. */
    private static Smb1Dispatcher.R eaAnswer(Outcome.Done done, TransactionRequest tr, byte[] data) {
        boolean overflow = done.status().equals(NtStatus.BUFFER_OVERFLOW);
        if ((done.status().value() != 0 && !overflow) || data == null) {
            return fail(done, tr.command());
        }
        return t2(done.status(), new byte[2], data);
    }

    private static Outcome.Done queryInfo(Smb1Dispatcher.Tree t, RequestContext ctx, FileId id, InfoType type, int cls,
            int max, byte[][] out) {
        int size = Math.max(0, Math.min(max, 65536));
        // the pass-through FileFullEaInformation level lists every EA from the first (RestartScan)
        Outcome.Done done = call(t.handler(), ctx, type.equals(InfoType.FILE) && cls == 15
                ? new QueryInfoRequest(type, cls, size, new byte[0], 0, 0x1, id) : QueryInfoRequest.of(type, cls, id, size));
        if (done.status().value() == 0 && done.response() instanceof QueryInfoResponse qr) {
            out[0] = qr.output();
        } else if (done.status().value() == 0) {
            return Outcome.Done.error(NtStatus.INVALID_PARAMETER, done.response().command());
        }
        return done;
    }

    private Smb1Dispatcher.R setFile(RequestContext ctx, Smb1Dispatcher.Tree t, TransactionRequest tr,
            Trans2.SetFileInformationRequest q) {
        Smb1Files.Open o = files.open(t, q.fid());
        if (o == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, tr.command());
        }
        if (q.informationLevel() == Smb1Eas.INFO_SET_EAS) {
            return setAnswer(Smb1Eas.set(t.handler(), ctx, o.id(), tr.data()), tr);
        }
        Integer cls = Smb1Info.setClass(q.informationLevel());
        byte[] data = tr.data();
        if (q.informationLevel() == 1010) {
            data = Smb1Info.renameForSmb2(data, o.name());
            cls = data == null ? null : 10;
        }
        if (cls == null) {
            return Smb1Dispatcher.R.err(data == null ? NtStatus.INVALID_PARAMETER : NtStatus.NOT_SUPPORTED, tr.command());
        }
        Outcome.Done done = call(t.handler(), ctx, new SetInfoRequest(InfoType.FILE, cls, data, 0, o.id()));
        if (done.status().value() != 0) {
            return fail(done, tr.command());
        }
        return t2(NtStatus.SUCCESS, new byte[2], new byte[0]);
    }

    private Smb1Dispatcher.R setPath(RequestContext ctx, Smb1Dispatcher.Tree t, TransactionRequest tr,
            Trans2.QueryPathInformationRequest q) {
        if (q.informationLevel() == Smb1Eas.INFO_SET_EAS) {
            Outcome.Done done = withOpen(t.handler(), ctx, createRequest(q.fileName(), Smb1Eas.SET_ACCESS, 1, 0, 0,
                    ALL_SHARE), id -> Smb1Eas.set(t.handler(), ctx, id, tr.data()));
            return setAnswer(done, tr);
        }
        if (q.informationLevel() == 1010) {
            // pass-through FileRenameInformation by path: an attribute-only open (as Samba's), so an exclusive
            // or batch oplock on the file is not broken and no sharing is checked (smbtorture raw.rename trans2rename)
            byte[] info = Smb1Info.renameForSmb2(tr.data(), TreeCalls.shareRelative(q.fileName()));
            if (info == null) {
                return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, tr.command());
            }
            Outcome.Done done = t.handler().renameByPath(ctx, createRequest(q.fileName(), 0x100, 1, 0, 0, ALL_SHARE),
                    info);
            return done.status().value() != 0 ? fail(done, tr.command()) : t2(NtStatus.SUCCESS, new byte[2], new byte[0]);
        }
        Integer cls = Smb1Info.setClass(q.informationLevel());
        if (cls == null) {
            return Smb1Dispatcher.R.err(NtStatus.NOT_SUPPORTED, tr.command());
        }
        int access = 0x100 | (cls == 13 ? 0x10000 : 0) | (cls == 19 || cls == 20 ? 0x2 : 0);
        Outcome.Done done = withOpen(t.handler(), ctx, createRequest(q.fileName(), access, 1, 0, 0, ALL_SHARE),
                id -> call(t.handler(), ctx, new SetInfoRequest(InfoType.FILE, cls, tr.data(), 0, id)));
        if (done.status().value() != 0) {
            return fail(done, tr.command());
        }
        return t2(NtStatus.SUCCESS, new byte[2], new byte[0]);
    }



    private Smb1Dispatcher.R t2mkdir(RequestContext ctx, Smb1Dispatcher.Tree t, TransactionRequest tr, boolean unicode) {
        byte[] p = tr.parameters();
        if (p.length < 4) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, tr.command());
        }
        String name = unicode ? new String(p, 4, (p.length - 4) & ~1, StandardCharsets.UTF_16LE)
                : new String(p, 4, p.length - 4, StandardCharsets.ISO_8859_1);
        int nul = name.indexOf('\0');
        name = nul >= 0 ? name.substring(0, nul) : name;
        java.util.List<org.smbscope.codec.smb2.CreateContext> eas;
        try {
            eas = Smb1Eas.contextsForFeaList(tr.data());
        } catch (Smb1DecodeException e) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, tr.command());
        }
        org.smbscope.codec.smb2.CreateRequest req = TreeCalls.withContexts(
                createRequest(name, 0x000081, 2, 0x1 | 0x20, 0x10, ALL_SHARE), eas);
        Outcome.Done done = withOpen(t.handler(), ctx, req, id -> Outcome.Done.ok(null));
        if (done.status().equals(NtStatus.INVALID_EA_NAME)) {
            return t2(done.status(), new byte[2], new byte[0]);
        }
        return done.status().value() != 0 ? fail(done, tr.command()) : t2(NtStatus.SUCCESS, new byte[2], new byte[0]);
    }

}
