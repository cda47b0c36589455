package org.smbscope.server.smb1;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The requests of one SMB1 connection in flight ([MS-CIFS] 3.3.5: requests are processed in order; 3.3.5.52
 * NT_CANCEL). One request at a time holds the connection's <em>turn</em>: it runs from arrival until it completes or
 * goes pending. A pending request (a blocking LOCKING_ANDX, an open waiting for an oplock break or for a sharing
 * violation to clear, a change notify) gives the turn back while it waits, so later requests are served, and takes
 * it again to finish; SMB1 state (FIDs, sessions, trees, lock owners) is thus only ever touched by the turn's holder.
 * Requests coming back from a wait take the turn before new frames, oldest first, and {@link #changed()} (a close,
 * an unlock) makes every sleeping request ready at once, so that they retry in arrival order.
 */
final class Smb1Requests {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition free = lock.newCondition();
    /** Requests whose wait ended, waiting for the turn: oldest first. */
    private final TreeSet<Smb1Exchange> ready = new TreeSet<>(Comparator.comparingLong(Smb1Exchange::order));
    /** Requests sleeping until something changes, with what wakes them. */
    private final Map<Smb1Exchange, Runnable> sleepers = new LinkedHashMap<>();
    /** Pending requests (registered for NT_CANCEL and clean-up). */
    private final List<Smb1Exchange> pending = new ArrayList<>();
    private boolean held;
    private Smb1Exchange current;
    private boolean closed;
    private long arrivals;

    /** The arrival number of a new request (its place in the order). */
    long arrival() {
        lock.lock();
        try {
            return arrivals++;
        } finally {
            lock.unlock();
        }
    }

    /** Takes the turn for a new frame or request {@code x} (after the holder and every ready request). */
    void acquire(Smb1Exchange x) {
        lock.lock();
        try {
            while (held || !ready.isEmpty()) {
                free.awaitUninterruptibly();
            }
            held = true;
            current = x;
        } finally {
            lock.unlock();
        }
    }

    /** The turn, taken by the reader for {@code x}, passes to the thread that answers it. */
    void acquireHandedOver(Smb1Exchange x) {
        lock.lock();
        try {
            current = x;
        } finally {
            lock.unlock();
        }
    }

    void release() {
        lock.lock();
        try {
            held = false;
            current = null;
            free.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The request holding the turn (null between requests). */
    Smb1Exchange current() {
        lock.lock();
        try {
            return current;
        } finally {
            lock.unlock();
        }
    }

    /** {@code x} goes pending: registered for NT_CANCEL and clean-up; the turn is given back. */
    void suspend(Smb1Exchange x) {
        suspend(x, null);
    }

    /** {@code x} sleeps until {@code wake} runs ({@link #changed()}, its timer, NT_CANCEL); the turn is given back. */
    void sleep(Smb1Exchange x, Runnable wake) {
        suspend(x, wake);
    }

    private void suspend(Smb1Exchange x, Runnable wake) {
        boolean abort;
        lock.lock();
        try {
            pending.add(x);
            if (wake != null) {
                sleepers.put(x, wake);
            }
            abort = closed;
        } finally {
            lock.unlock();
        }
        if (abort) {
            x.abort();
        }
        release();
    }

    /** {@code x}'s wait ended: it takes the turn again, before new frames, after older ready requests. */
    void resume(Smb1Exchange x) {
        lock.lock();
        try {
            sleepers.remove(x);
            ready.add(x);
            free.signalAll();
            while (held || ready.first() != x) {
                free.awaitUninterruptibly();
            }
            ready.remove(x);
            pending.remove(x);
            held = true;
            current = x;
        } finally {
            lock.unlock();
        }
    }

    /**
     * [MS-CIFS] 3.3.5.52: cancels the pending request with these ids (MID, PID, UID, TID); false if there is none.
     * Caller holds the turn.
     */
    boolean cancel(int mid, int pid, int uid, int tid) {
        for (Smb1Exchange x : pending()) {
            if (x.mid() == mid && x.pid() == pid && x.uid() == uid && x.tid() == tid) {
                x.cancel();
                return true;
            }
        }
        return false;
    }

    /** Pending requests now. */
    List<Smb1Exchange> pending() {
        lock.lock();
        try {
            return List.copyOf(pending);
        } finally {
            lock.unlock();
        }
    }

    /** True once the connection is going ({@link #closeAll()}). */
    boolean closed() {
        lock.lock();
        try {
            return closed;
        } finally {
            lock.unlock();
        }
    }

    /** Every pending request {@code which} selects ends its wait (its tree or session is going). */
    void abortIf(java.util.function.Predicate<Smb1Exchange> which) {
        for (Smb1Exchange x : pending()) {
            if (which.test(x)) {
                x.abort();
            }
        }
    }

    /** The connection is going: every pending request is cancelled, and so is any that goes pending later. */
    void closeAll() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        for (Smb1Exchange x : pending()) {
            x.abort();
        }
        changed();
    }

    /** A file closed, a range was unlocked, a process exited: every sleeping request retries, oldest first. */
    void changed() {
        List<Runnable> wakes;
        lock.lock();
        try {
            ready.addAll(sleepers.keySet());
            wakes = List.copyOf(sleepers.values());
            sleepers.clear();
        } finally {
            lock.unlock();
        }
        wakes.forEach(Runnable::run);
    }
}
