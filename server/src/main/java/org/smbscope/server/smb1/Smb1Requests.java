package org.smbscope.server.smb1;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

/**
 * The requests of one SMB1 connection in flight ([MS-CIFS] 3.3.5: requests are processed in order; 3.3.5.52
 * NT_CANCEL). One request at a time holds the connection's <em>turn</em>: it runs from arrival until it completes or
 * goes pending. A pending request (a blocking LOCKING_ANDX, an open waiting for an oplock break or for a sharing
 * violation to clear) gives the turn back while it waits, so later requests are served, and takes it again to
 * finish; SMB1 state (FIDs, sessions, trees, lock owners) is thus only ever touched by the turn's holder.
 * {@link #changed()} wakes requests that wait for something on this connection to change (a close, an unlock).
 */
final class Smb1Requests {
    private final Semaphore turn = new Semaphore(1);
    /** Pending requests (guarded by the turn). */
    private final List<Smb1Exchange> pending = new ArrayList<>();
    private volatile CompletableFuture<Void> change = new CompletableFuture<>();
    private Smb1Exchange current;
    private boolean closed;

    /** Takes the turn for {@code x} (waiting for the holder to finish or go pending). */
    void acquire(Smb1Exchange x) {
        turn.acquireUninterruptibly();
        current = x;
    }

    /** The turn, taken by the reader for {@code x}, passes to the thread that answers it. */
    void acquireHandedOver(Smb1Exchange x) {
        current = x;
    }

    void release() {
        current = null;
        turn.release();
    }

    /** The request holding the turn (null between requests). */
    Smb1Exchange current() {
        return current;
    }

    /** {@code x} goes pending: registered for NT_CANCEL and clean-up; the turn is given back. */
    void suspend(Smb1Exchange x) {
        pending.add(x);
        if (closed) {
            x.abort();
        }
        release();
    }

    /** {@code x} has what it waited for and takes the turn again. */
    void resume(Smb1Exchange x) {
        acquire(x);
        pending.remove(x);
    }

    /**
     * [MS-CIFS] 3.3.5.52: cancels the pending request with these ids (MID, PID, UID, TID); nothing if there is none.
     * Caller holds the turn.
     */
    boolean cancel(int mid, int pid, int uid, int tid) {
        for (Smb1Exchange x : List.copyOf(pending)) {
            if (x.mid() == mid && x.pid() == pid && x.uid() == uid && x.tid() == tid) {
                x.cancel();
                return true;
            }
        }
        return false;
    }

    /** Pending requests now (caller holds the turn). */
    List<Smb1Exchange> pending() {
        return List.copyOf(pending);
    }

    /** True once the connection is going ({@link #closeAll()}). */
    boolean closed() {
        return closed;
    }

    /** The connection is going: every pending request is cancelled, and so is any that goes pending later. */
    void closeAll() {
        closed = true;
        for (Smb1Exchange x : List.copyOf(pending)) {
            x.abort();
        }
        changed();
    }

    /** Completes when something a waiting request may retry on changes ({@link #changed()}). */
    CompletableFuture<Void> nextChange() {
        return change;
    }

    /** A file closed, a range was unlocked, a process exited: waiting requests retry now. */
    void changed() {
        CompletableFuture<Void> old = change;
        change = new CompletableFuture<>();
        old.complete(null);
    }
}
