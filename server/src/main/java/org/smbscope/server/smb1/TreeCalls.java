package org.smbscope.server.smb1;

import java.util.List;

import java.util.concurrent.TimeUnit;
import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb2.AccessMask;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.ImpersonationLevel;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.OplockLevel;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.QueryInfoResponse;
import org.smbscope.codec.smb2.ShareAccess;
import org.smbscope.codec.smb2.Smb2Request;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;
import org.smbscope.server.tree.TreeHandler;
/**
 * How the SMB1 commands call a share's {@link TreeHandler}: one SMB2 request at a time, waiting for a pending
 * answer (a blocking lock, at most its timeout), CREATE requests built from SMB1 fields, open-use-close sequences,
 * and the SMB1 error answer of a failed call.
 */
final class TreeCalls {
    static final int MAX_IO = 16 * 1024 * 1024;
    static final ShareAccess ALL_SHARE = new ShareAccess(7);

    private TreeCalls() {
    }

    static Outcome.Done call(TreeHandler h, RequestContext ctx, Smb2Request req) {
        return call(h, ctx, req, -1, NtStatus.CANCELLED);
    }

    /**
     * A request that may go pending waits at most {@code waitMillis} (negative: until it completes, NT_CANCEL or the
     * connection's end); then it is cancelled and answers {@code late}. The wait of an SMB1 request (its
     * {@link Smb1Exchange} is the context's break sender) lets the connection's later requests run meanwhile.
     */
    static Outcome.Done call(TreeHandler h, RequestContext ctx, Smb2Request req, long waitMillis, NtStatus late) {
        Outcome o = h.handle(ctx, req);
        if (o instanceof Outcome.Pending p) {
            if (ctx.breaks() instanceof Smb1Exchange x) {
                return x.await(p, waitMillis, late, req.command());
            }
            try {
                return p.completion().get(waitMillis < 0 ? 30_000 : waitMillis, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                p.cancel().run();
                try {
                    p.completion().get(1, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // cancelled
                }
                return Outcome.Done.error(late, req.command());
            }
        }
        return (Outcome.Done) o;
    }

    /**
     * An open by NT_CREATE_ANDX or OPEN_ANDX: one that meets a sharing violation is retried for up to a second
     * (every 200 ms, and whenever a file is closed on this connection) before the violation is answered, as
     * Windows ([MS-CIFS] behaviour note: five tries) and Samba do for SMB1; NT_CANCEL does not end the wait.
     */
    static Outcome.Done open(TreeHandler h, RequestContext ctx, CreateRequest req) {
        Outcome.Done done = call(h, ctx, req);
        if (!(ctx.breaks() instanceof Smb1Exchange x)) {
            return done;
        }
        while (done.status().equals(NtStatus.SHARING_VIOLATION)) {
            long left = Smb1Exchange.SHARING_VIOLATION_WAIT_MILLIS - x.elapsedMillis();
            if (left <= 0 || !x.sleep(Math.min(left, Smb1Exchange.SHARING_VIOLATION_RETRY_MILLIS), false)) {
                break;
            }
            done = call(h, ctx, req);
        }
        return done;
    }

    static String shareRelative(String path) {
        String p = path.replace('/', '\\');
        while (p.startsWith("\\")) {
            p = p.substring(1);
        }
        while (p.endsWith("\\")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    static CreateRequest createRequest(String name, int access, int disposition, int options, int attributes,
            ShareAccess share) {
        // SMB1 opens always hold FILE_READ_ATTRIBUTES (as Samba grants it; SMB2 shows only what was asked)
        return new CreateRequest(OplockLevel.NONE, ImpersonationLevel.IMPERSONATION, new AccessMask(access | 0x80),
                FileAttribute.fromMask(attributes), share, new CreateDisposition(disposition), new CreateOptions(options),
                shareRelative(name), List.of());
    }

    /** {@code c} with {@code contexts} as its create contexts. */
    static CreateRequest withContexts(CreateRequest c, List<org.smbscope.codec.smb2.CreateContext> contexts) {
        return new CreateRequest(c.oplockLevel(), c.impersonationLevel(), c.desiredAccess(), c.fileAttributes(),
                c.shareAccess(), c.createDisposition(), c.createOptions(), c.name(), contexts);
    }

    /** Opens {@code name}, runs {@code use} on the FileId, closes it; the first failure is the answer. */
    static Outcome.Done withOpen(TreeHandler h, RequestContext ctx, CreateRequest c,
            java.util.function.Function<FileId, Outcome.Done> use) {
        Outcome.Done opened = call(h, ctx, c);
        if (opened.status().value() != 0 || !(opened.response() instanceof CreateResponse cr)) {
            return opened;
        }
        Outcome.Done r = use.apply(cr.fileId());
        Outcome.Done closed = call(h, ctx, new org.smbscope.codec.smb2.CloseRequest(0, cr.fileId()));
        if (r.status().value() == 0 && closed.status().value() != 0) {
            return closed;
        }
        return r;
    }

    static Smb1Dispatcher.R fail(Outcome.Done done, Smb1Command c) {
        return Smb1Dispatcher.R.err(done.status(), c);
    }


    /** FileNetworkOpenInformation of an open, or null. */
    static byte[] networkOpen(TreeHandler h, RequestContext ctx, FileId id) {
        Outcome.Done done = call(h, ctx, QueryInfoRequest.of(InfoType.FILE, 34, id, 56));
        return done.status().value() == 0 && done.response() instanceof QueryInfoResponse q && q.output().length >= 56
                ? q.output() : null;
    }
}
