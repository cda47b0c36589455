package org.smbscope.server.fs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.smbscope.codec.smb2.LockRequest;
import org.smbscope.codec.smb2.LockResponse;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Outcome;

/**
 * The byte-range locks of one file ([MS-FSA] 2.1.5.7 and 2.1.4.10): shared and exclusive ranges owned by
 * opens, the conflict rules READ and WRITE obey, and blocking requests waiting for a range to free.
 * Offsets and lengths are unsigned 64-bit; a zero-length range overlaps nothing.
 */
final class ByteRangeLocks {
    /** STATUS_INVALID_LOCK_RANGE: offset plus length past 2^64. */
    static final NtStatus INVALID_LOCK_RANGE = new NtStatus(0xC00001A1);

    record Range(Open owner, long offset, long length, boolean exclusive) {
        long last() {
            return offset + length - 1;
        }

        boolean overlaps(long off, long len) {
            return ByteRangeLocks.overlaps(offset, length, off, len);
        }
    }

    private record Waiter(Open owner, LockRequest.Element element, CompletableFuture<Outcome.Done> done) {
    }

    private final List<Range> held = new ArrayList<>();
    private final List<Waiter> waiters = new ArrayList<>();

    static boolean wraps(long offset, long length) {
        return length != 0 && Long.compareUnsigned(offset + length - 1, offset) < 0;
    }

    /** True if {@code owner} may read [offset, offset+length): no other open holds an exclusive lock there. */
    synchronized boolean canRead(Open owner, long offset, long length) {
        if (length == 0) {
            return true;
        }
        for (Range r : held) {
            if (r.exclusive && r.owner != owner && r.overlaps(offset, length) && !otherStream(r.owner, owner)) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code owner} may write: no other open's lock and no shared lock at all overlaps. */
    synchronized boolean canWrite(Open owner, long offset, long length) {
        if (length == 0) {
            return true;
        }
        for (Range r : held) {
            if ((r.owner != owner || !r.exclusive) && r.overlaps(offset, length) && !otherStream(r.owner, owner)) {
                return false;
            }
        }
        return true;
    }

    /** Locks on one data stream of a file never touch another's (the file's own data or a named stream). */
    private static boolean otherStream(Open a, Open b) {
        String x = a.stream;
        String y = b.stream;
        if (x == null || y == null) {
            return !(x == null && y == null);
        }
        return !org.smbscope.server.share.StreamName.key(x).equals(org.smbscope.server.share.StreamName.key(y));
    }

    private boolean grantable(Open owner, long offset, long length, boolean exclusive) {
        for (Range r : held) {
            if (!r.overlaps(offset, length) || otherStream(r.owner, owner)) {
                continue;
            }
            if (exclusive || r.exclusive && r.owner != owner) {
                return false;
            }
        }
        return true;
    }

    /**
     * [MS-FSA] 2.1.4.10 / the Windows behaviour smbtorture checks: two ranges of non-zero length overlap
     * when they share a byte; a zero-length range at offset o overlaps a range [s, s+l) when s < o < s+l;
     * two zero-length ranges never do.
     */
    static boolean overlaps(long offset, long length, long otherOffset, long otherLength) {
        if (length == 0 && otherLength == 0) {
            return false;
        }
        if (length == 0) {
            return inside(offset, otherOffset, otherLength);
        }
        if (otherLength == 0) {
            return inside(otherOffset, offset, length);
        }
        long last = offset + length - 1;
        long otherLast = otherOffset + otherLength - 1;
        return Long.compareUnsigned(offset, otherLast) <= 0 && Long.compareUnsigned(otherOffset, last) <= 0;
    }

    private static boolean inside(long point, long offset, long length) {
        return Long.compareUnsigned(offset, point) < 0 && Long.compareUnsigned(point, offset + length - 1) <= 0;
    }

    /**
     * Serves a LOCK request ([MS-SMB2] 3.3.5.14): elements are taken in order; the first decides between
     * unlocking and locking and every later one must agree (else STATUS_INVALID_PARAMETER). Unlocks done
     * before a failing element stay done; locks taken before a failing element are given back. A single
     * blocking lock that conflicts waits ({@link Outcome.Pending}).
     */
    Outcome lock(Open owner, List<LockRequest.Element> elements) {
        List<CompletableFuture<Outcome.Done>> wake = new ArrayList<>();
        Outcome out;
        synchronized (this) {
            boolean unlock = (elements.get(0).flags() & LockRequest.UNLOCK) != 0;
            out = unlock ? unlock(owner, elements, wake) : acquire(owner, elements);
        }
        wake.forEach(f -> f.complete(Outcome.Done.ok(new LockResponse())));
        return out;
    }

    private static boolean validLock(int f) {
        return f == LockRequest.SHARED_LOCK || f == LockRequest.EXCLUSIVE_LOCK
                || f == (LockRequest.SHARED_LOCK | LockRequest.FAIL_IMMEDIATELY)
                || f == (LockRequest.EXCLUSIVE_LOCK | LockRequest.FAIL_IMMEDIATELY);
    }

    private Outcome unlock(Open owner, List<LockRequest.Element> elements, List<CompletableFuture<Outcome.Done>> wake) {
        try {
            for (LockRequest.Element e : elements) {
                if (e.flags() != LockRequest.UNLOCK) {
                    return Outcome.Done.error(NtStatus.INVALID_PARAMETER, Smb2Command.LOCK);
                }
                Range found = null;
                for (Range r : held) {
                    if (r.owner == owner && r.offset == e.offset() && r.length == e.length()
                            && (found == null || r.exclusive && !found.exclusive)) {
                        found = r;
                    }
                }
                if (found == null) {
                    return Outcome.Done.error(NtStatus.RANGE_NOT_LOCKED, Smb2Command.LOCK);
                }
                held.remove(found);
            }
            return Outcome.Done.ok(new LockResponse());
        } finally {
            retry(wake);
        }
    }

    private Outcome acquire(Open owner, List<LockRequest.Element> elements) {
        if (elements.size() > 1) {
            // 3.3.5.14.2: several locks in one request must all be FAIL_IMMEDIATELY
            for (LockRequest.Element e : elements) {
                if ((e.flags() & LockRequest.FAIL_IMMEDIATELY) == 0) {
                    return Outcome.Done.error(NtStatus.INVALID_PARAMETER, Smb2Command.LOCK);
                }
            }
        }
        List<Range> added = new ArrayList<>();
        for (LockRequest.Element e : elements) {
            NtStatus refused = null;
            if (!validLock(e.flags())) {
                refused = NtStatus.INVALID_PARAMETER;
            } else if (wraps(e.offset(), e.length())) {
                refused = INVALID_LOCK_RANGE;
            }
            boolean exclusive = (e.flags() & LockRequest.EXCLUSIVE_LOCK) != 0;
            if (refused == null && !grantable(owner, e.offset(), e.length(), exclusive)) {
                if ((e.flags() & LockRequest.FAIL_IMMEDIATELY) == 0 && elements.size() == 1) {
                    CompletableFuture<Outcome.Done> done = new CompletableFuture<>();
                    Waiter w = new Waiter(owner, e, done);
                    waiters.add(w);
                    return new Outcome.Pending(done, () -> cancel(w, NtStatus.CANCELLED));
                }
                refused = NtStatus.LOCK_NOT_GRANTED;
            }
            if (refused != null) {
                for (Range r : added) {
                    held.remove(r);
                }
                return Outcome.Done.error(refused, Smb2Command.LOCK);
            }
            Range r = new Range(owner, e.offset(), e.length(), exclusive);
            held.add(r);
            added.add(r);
        }
        return Outcome.Done.ok(new LockResponse());
    }

    private void retry(List<CompletableFuture<Outcome.Done>> wake) {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext();) {
            Waiter w = it.next();
            boolean exclusive = (w.element.flags() & LockRequest.EXCLUSIVE_LOCK) != 0;
            if (grantable(w.owner, w.element.offset(), w.element.length(), exclusive)) {
                held.add(new Range(w.owner, w.element.offset(), w.element.length(), exclusive));
                it.remove();
                wake.add(w.done);
            }
        }
    }

    private void cancel(Waiter w, NtStatus status) {
        boolean removed;
        synchronized (this) {
            removed = waiters.remove(w);
        }
        if (removed) {
            w.done.complete(Outcome.Done.error(status, Smb2Command.LOCK));
        }
    }

    /** Drops every lock and waiter of {@code owner} (its handle closed) and wakes waiters that can now go. */
    void release(Open owner) {
        List<CompletableFuture<Outcome.Done>> wake = new ArrayList<>();
        List<Waiter> gone = new ArrayList<>();
        synchronized (this) {
            held.removeIf(r -> r.owner == owner);
            for (Iterator<Waiter> it = waiters.iterator(); it.hasNext();) {
                Waiter w = it.next();
                if (w.owner == owner) {
                    it.remove();
                    gone.add(w);
                }
            }
            retry(wake);
        }
        gone.forEach(w -> w.done.complete(Outcome.Done.error(NtStatus.RANGE_NOT_LOCKED, Smb2Command.LOCK)));
        wake.forEach(f -> f.complete(Outcome.Done.ok(new LockResponse())));
    }

    synchronized int count() {
        return held.size();
    }
}
