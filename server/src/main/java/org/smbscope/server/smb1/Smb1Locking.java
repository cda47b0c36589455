package org.smbscope.server.smb1;

import static org.smbscope.server.smb1.TreeCalls.call;

import java.util.ArrayList;
import java.util.List;

import org.smbscope.codec.smb1.Smb1Block;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1RawMessage;
import org.smbscope.codec.smb2.LockRequest;
import org.smbscope.codec.smb2.OplockBreak;
import org.smbscope.codec.smb2.OplockLevel;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;

/**
 * LOCKING_ANDX ([MS-CIFS] 2.2.4.32, 3.3.5.30): unlocks, then locks, each range owned by the FID and the PID its
 * LOCKING_ANDX_RANGE names; a lock that conflicts waits up to Timeout (0xFFFFFFFF: for ever) without holding up the
 * connection's later requests ({@link Smb1Exchange}): another open's lock through the tree handler's blocking lock,
 * another PID's lock on the same FID by retrying whenever something is unlocked or closed on this connection.
 * NT_CANCEL ends the wait with STATUS_FILE_LOCK_CONFLICT (what Windows and Samba answer), a close of the FID with
 * STATUS_RANGE_NOT_LOCKED. OPLOCK_RELEASE acknowledges an oplock break (no response when nothing else is asked).
 */
final class Smb1Locking {
    static final int SHARED = 0x01;
    static final int OPLOCK_RELEASE = 0x02;
    static final int CHANGE_LOCKTYPE = 0x04;
    static final int CANCEL = 0x08;
    static final int LARGE_FILES = 0x10;
    static final long FOREVER = 0xFFFFFFFFL;

    /** One LOCKING_ANDX_RANGE (32-bit or 64-bit form). */
    record Range(int pid, long offset, long length) {
    }

    /** The request's words and ranges. */
    record Request(int fid, int type, int oplockLevel, long timeout, List<Range> unlocks, List<Range> locks) {
    }

    /** ERRDOS/ERRcancelviolation (173): no waiting lock to cancel. */
    static final NtStatus ERR_CANCEL_VIOLATION = new NtStatus(173 << 16 | 0x01);
    /** ERRDOS/ERRnoatomiclocks (174): CHANGE_LOCKTYPE is not supported (as in Windows). */
    static final NtStatus ERR_NO_ATOMIC_LOCKS = new NtStatus(174 << 16 | 0x01);

    /** STATUS_INVALID_LOCK_RANGE: a range that goes past 2^64. */
    static final NtStatus INVALID_LOCK_RANGE = new NtStatus(0xC00001A1);

    /** What a waiting LOCKING_ANDX waits for (CANCEL_LOCK finds it by FID, PID, offset, length and format). */
    record Waiting(int fid, Range range, boolean large) {
    }

    private final Smb1Files files;
    /** The offset of each FID's last failed lock (Windows' error code cache is per handle). */
    private final java.util.Map<Integer, Long> lastFailed = new java.util.HashMap<>();

    Smb1Locking(Smb1Files files) {
        this.files = files;
    }

    /** The request, or null when its words or ranges do not fit. */
    static Request parse(Smb1Block b) {
        byte[] w = b.words();
        if (w.length != 16) {
            return null;
        }
        int type = w[6] & 0xFF;
        int nUnlock = Smb1Legacy.u16(w, 12);
        int nLock = Smb1Legacy.u16(w, 14);
        boolean large = (type & LARGE_FILES) != 0;
        int size = large ? 20 : 10;
        byte[] d = b.data();
        if ((long) (nUnlock + nLock) * size > d.length) {
            return null;
        }
        List<Range> unlocks = new ArrayList<>();
        List<Range> locks = new ArrayList<>();
        for (int i = 0, at = 0; i < nUnlock + nLock; i++, at += size) {
            int pid = Smb1Legacy.u16(d, at);
            Range r = large
                    ? new Range(pid, Smb1Legacy.u32(d, at + 4) << 32 | Smb1Legacy.u32(d, at + 8),
                            Smb1Legacy.u32(d, at + 12) << 32 | Smb1Legacy.u32(d, at + 16))
                    : new Range(pid, Smb1Legacy.u32(d, at + 2), Smb1Legacy.u32(d, at + 6));
            (i < nUnlock ? unlocks : locks).add(r);
        }
        return new Request(Smb1Legacy.u16(w, 4), type, w[7] & 0xFF, Smb1Legacy.u32(w, 8), unlocks, locks);
    }

    /**
     * The core LOCK_BYTE_RANGE (0x0C) and UNLOCK_BYTE_RANGE (0x0D) ([MS-CIFS] 2.2.4.13, 2.2.4.14): FID, Count,
     * Offset, owned by the request's PID, no wait; served as the LOCKING_ANDX they amount to.
     */
    Smb1Dispatcher.R coreLock(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Block b, boolean unlock) {
        Smb1Command c = b.command();
        byte[] w = b.words();
        if (w.length != 10) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        Range r = new Range(files.pid, Smb1Legacy.u32(w, 6), Smb1Legacy.u32(w, 2));
        Request l = new Request(Smb1Legacy.u16(w, 0), 0, 0, 0, unlock ? List.of(r) : List.of(),
                unlock ? List.of() : List.of(r));
        Smb1Dispatcher.R done = serve(ctx, t, l, c);
        return done.stops() ? done : Smb1Dispatcher.R.ok(new Smb1RawMessage(c, true, new byte[0], new byte[0]));
    }

    Smb1Dispatcher.R locking(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Block b) {
        Smb1Command c = Smb1Command.LOCKING_ANDX;
        Request l = parse(b);
        if (l == null) {
            return Smb1Dispatcher.R.err(NtStatus.INVALID_PARAMETER, c);
        }
        return serve(ctx, t, l, c);
    }

    private Smb1Dispatcher.R serve(RequestContext ctx, Smb1Dispatcher.Tree t, Request l, Smb1Command c) {
        Smb1Files.Open o = files.open(t, l.fid());
        if (o == null) {
            return (l.type() & OPLOCK_RELEASE) != 0 && l.locks().isEmpty() && l.unlocks().isEmpty() ? null
                    : Smb1Dispatcher.R.err(NtStatus.INVALID_HANDLE, c);
        }
        if ((l.type() & OPLOCK_RELEASE) != 0) {
            // [MS-CIFS] 3.3.5.30: the acknowledgment of an oplock break; NewOplockLevel 1 keeps level II
            call(t.handler(), ctx, new OplockBreak(l.oplockLevel() == 1 ? OplockLevel.LEVEL_II : OplockLevel.NONE,
                    o.id()));
            if (l.locks().isEmpty() && l.unlocks().isEmpty()) {
                return null;
            }
        }
        if ((l.type() & CHANGE_LOCKTYPE) != 0) {
            return Smb1Dispatcher.R.err(ERR_NO_ATOMIC_LOCKS, c);
        }
        if ((l.type() & CANCEL) != 0) {
            return cancel(l);
        }
        for (Range r : l.unlocks()) {
            if (!files.pidLocks.remove(o, r.pid(), r.offset(), r.length())) {
                return Smb1Dispatcher.R.err(NtStatus.RANGE_NOT_LOCKED, c);
            }
            Outcome.Done done = call(t.handler(), ctx, new LockRequest(0, o.id(),
                    List.of(new LockRequest.Element(r.offset(), r.length(), LockRequest.UNLOCK))));
            files.dispatcher().requests.changed();
            if (done.status().value() != 0) {
                return TreeCalls.fail(done, c);
            }
        }
        boolean shared = (l.type() & SHARED) != 0;
        List<Range> taken = new ArrayList<>();
        for (Range r : l.locks()) {
            NtStatus st = r.length() != 0 && Long.compareUnsigned(r.offset() + r.length() - 1, r.offset()) < 0
                    ? INVALID_LOCK_RANGE : lock(ctx, t, o, l, r, shared);
            if (st.value() == 0) {
                taken.add(r);
                files.pidLocks.add(o, r.pid(), r.offset(), r.length(), !shared);
                continue;
            }
            if (files.open(t, l.fid()) == o) {
                for (Range undo : taken) {
                    call(t.handler(), ctx, new LockRequest(0, o.id(),
                            List.of(new LockRequest.Element(undo.offset(), undo.length(), LockRequest.UNLOCK))));
                    files.pidLocks.remove(o, undo.pid(), undo.offset(), undo.length());
                }
            }
            return Smb1Dispatcher.R.err(st, c);
        }
        return Smb1Dispatcher.R.ok(new Smb1RawMessage(c, true, new WireWriter().u32le(0xFF).toByteArray(), new byte[0]));
    }

    /**
     * LOCKING_ANDX_CANCEL_LOCK ([MS-CIFS] 2.2.4.32.1): ends the wait of the pending LOCKING_ANDX on this FID that
     * waits for the first range given (as Windows, only the first is looked at); it fails with
     * STATUS_FILE_LOCK_CONFLICT. None: ERRDOS/ERRcancelviolation.
     */
    private Smb1Dispatcher.R cancel(Request l) {
        if (l.locks().isEmpty()) {
            return Smb1Dispatcher.R.err(ERR_CANCEL_VIOLATION, Smb1Command.LOCKING_ANDX);
        }
        Waiting w = new Waiting(l.fid(), l.locks().get(0), (l.type() & LARGE_FILES) != 0);
        for (Smb1Exchange x : files.dispatcher().requests.pending()) {
            if (w.equals(x.waiting)) {
                x.cancel();
                return Smb1Dispatcher.R.ok(new Smb1RawMessage(Smb1Command.LOCKING_ANDX, true,
                        new WireWriter().u32le(0xFF).toByteArray(), new byte[0]));
            }
        }
        return Smb1Dispatcher.R.err(ERR_CANCEL_VIOLATION, Smb1Command.LOCKING_ANDX);
    }

    /** Takes one range, waiting as the timeout allows; the status to answer. */
    private NtStatus lock(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Files.Open o, Request l, Range r,
            boolean shared) {
        Smb1Exchange x = ctx.breaks() instanceof Smb1Exchange e ? e : null;
        if (x == null) {
            return take(ctx, t, o, l, r, shared, null);
        }
        x.waiting = new Waiting(l.fid(), r, (l.type() & LARGE_FILES) != 0);
        try {
            return take(ctx, t, o, l, r, shared, x);
        } finally {
            x.waiting = null;
        }
    }

    private NtStatus take(RequestContext ctx, Smb1Dispatcher.Tree t, Smb1Files.Open o, Request l, Range r,
            boolean shared, Smb1Exchange x) {
        long timeout = l.timeout();
        while (files.pidLocks.lockConflicts(o, r.pid(), r.offset(), r.length(), !shared)) {
            long left = left(x, timeout);
            if (left == 0 || x == null) {
                return refused(l, r);
            }
            if (!x.sleep(left < 0 ? Long.MAX_VALUE / 2 : left, true)) {
                return x.aborted() || files.open(t, l.fid()) != o ? NtStatus.RANGE_NOT_LOCKED
                        : NtStatus.FILE_LOCK_CONFLICT;
            }
            if (files.open(t, l.fid()) != o) {
                return NtStatus.RANGE_NOT_LOCKED; // closed (CLOSE, PROCESS_EXIT) while waiting
            }
        }
        long left = x == null ? 0 : left(x, timeout);
        int flags = (shared ? LockRequest.SHARED_LOCK : LockRequest.EXCLUSIVE_LOCK)
                | (left == 0 ? LockRequest.FAIL_IMMEDIATELY : 0);
        Outcome.Done done = call(t.handler(), ctx, new LockRequest(0, o.id(),
                List.of(new LockRequest.Element(r.offset(), r.length(), flags))), left, NtStatus.LOCK_NOT_GRANTED);
        NtStatus st = done.status();
        if (st.equals(NtStatus.CANCELLED)) {
            return NtStatus.FILE_LOCK_CONFLICT;
        }
        if (st.equals(NtStatus.LOCK_NOT_GRANTED) || st.equals(NtStatus.FILE_LOCK_CONFLICT)) {
            return refused(l, r);
        }
        return st;
    }

    /** Milliseconds the lock may still wait: -1 for ever, 0 none. */
    private static long left(Smb1Exchange x, long timeout) {
        if (timeout == FOREVER) {
            return -1;
        }
        if (timeout == 0 || x == null) {
            return 0;
        }
        return Math.max(0, timeout - x.elapsedMillis());
    }

    /**
     * Windows: a failed lock is LOCK_NOT_GRANTED, but FILE_LOCK_CONFLICT after a wait, for the same lock failing
     * again, or for one at 0xEF000000 and above.
     */
    private NtStatus refused(Request l, Range r) {
        Long last = lastFailed.put(l.fid(), r.offset());
        boolean again = last != null && last == r.offset();
        return l.timeout() != 0 || again || r.offset() >= 0xEF000000L ? NtStatus.FILE_LOCK_CONFLICT
                : NtStatus.LOCK_NOT_GRANTED;
    }
}
