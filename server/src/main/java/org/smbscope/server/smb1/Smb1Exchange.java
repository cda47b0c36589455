package org.smbscope.server.smb1;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.smbscope.codec.smb1.Smb1Header;
import org.smbscope.codec.smb1.Smb1Packet;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.OplockLevel;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.BreakSender;
import org.smbscope.server.tree.Outcome;

/**
 * One SMB1 request from its arrival to its response ([MS-CIFS] 3.3.5): its header (MID, PID, UID, TID), the signing
 * sequence number its response takes (reserved when it arrived, [MS-CIFS] 3.3.4.1.1, so a response that leaves after
 * later ones is still signed right), and, while it waits ({@link #await}, {@link #sleep}), how NT_CANCEL or the
 * connection's end stops the wait. It is also the {@link BreakSender} of the tree calls it makes (the connection's,
 * {@code breaks}), which is how {@link TreeCalls} finds the request a pending tree call belongs to.
 */
final class Smb1Exchange implements BreakSender {
    /** How long an open that met a sharing violation keeps retrying ([MS-CIFS] behaviour note: 5 tries). */
    static final long SHARING_VIOLATION_WAIT_MILLIS = 1000;
    /** How often it retries when nothing on this connection changed. */
    static final long SHARING_VIOLATION_RETRY_MILLIS = 200;

    final Smb1Header header;
    /** The request's frame, dropped once answered (an open's oplock keeps its exchange as break sender). */
    Smb1Packet packet;
    final long responseSequence;
    final long arrived;
    private final long order;
    private final Smb1Requests requests;
    private final BreakSender breaks;
    /** The lock range a waiting LOCKING_ANDX waits for (LOCKING_ANDX_CANCEL_LOCK looks for it). */
    volatile Smb1Locking.Waiting waiting;
    /** Restores the per-request state of the SMB1 commands when the request takes the turn again. */
    Runnable onResume = () -> { };
    private volatile Runnable onCancel;
    private volatile Runnable onWake;
    private volatile boolean cancelled;
    private volatile boolean aborted;

    Smb1Exchange(Smb1Header header, Smb1Packet packet, long responseSequence, Smb1Requests requests,
            BreakSender breaks) {
        this.header = header;
        this.packet = packet;
        this.responseSequence = responseSequence;
        this.requests = requests;
        this.breaks = breaks == null ? BreakSender.NONE : breaks;
        this.arrived = System.nanoTime();
        this.order = requests.arrival();
    }

    /** The place of this request in the connection's arrival order. */
    long order() {
        return order;
    }

    int mid() {
        return header.mid();
    }

    /** PIDHigh:PIDLow. */
    int pid() {
        return header.pidHigh() << 16 | header.pidLow();
    }

    int uid() {
        return header.uid();
    }

    int tid() {
        return header.tid();
    }

    @Override
    public boolean oplockBreak(FileId fileId, OplockLevel newLevel) {
        return breaks.oplockBreak(fileId, newLevel);
    }

    /** True once NT_CANCEL stopped a wait of this request. */
    boolean cancelled() {
        return cancelled;
    }

    /** True once the connection went while this request waited. */
    boolean aborted() {
        return aborted;
    }

    /** NT_CANCEL: stops the wait if it can be cancelled (a deferred open cannot: Windows and Samba ignore it). */
    void cancel() {
        Runnable r = onCancel;
        if (r != null) {
            cancelled = true;
            r.run();
        }
    }

    /** The connection is going: every wait ends. */
    void abort() {
        aborted = true;
        Runnable r = onCancel;
        if (r != null) {
            r.run();
        }
        Runnable w = onWake;
        if (w != null) {
            w.run();
        }
    }

    /**
     * Waits for a tree handler's pending answer without the turn: at most {@code millis} (negative: until it
     * completes, is cancelled or the connection goes), then the handler's cancel runs and the answer is
     * {@code late}. A cancelled request answers what the handler's cancel completes with.
     */
    Outcome.Done await(Outcome.Pending p, long millis, NtStatus late, Smb2Command command) {
        if (aborted) {
            p.cancel().run();
        }
        onCancel = p.cancel();
        requests.suspend(this);
        Outcome.Done done = null;
        try {
            done = millis < 0 ? p.completion().get() : p.completion().get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            p.cancel().run();
            try {
                p.completion().get(1, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // cancelled
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // completed exceptionally: answered as late
        } finally {
            onCancel = null;
            requests.resume(this);
            onResume.run();
        }
        return done == null ? Outcome.Done.error(late, command) : done;
    }

    /**
     * Sleeps without the turn for at most {@code millis}, or until something on this connection changes
     * ({@link Smb1Requests#changed()}), NT_CANCEL (when {@code cancellable}) or the connection's end; false when
     * cancelled or aborted.
     */
    boolean sleep(long millis, boolean cancellable) {
        if (aborted || requests.closed()) {
            return false;
        }
        if (millis <= 0) {
            return !cancelled;
        }
        CompletableFuture<Void> wake = new CompletableFuture<>();
        onWake = () -> wake.complete(null);
        if (cancellable) {
            onCancel = () -> wake.complete(null);
        }
        requests.sleep(this, () -> wake.complete(null));
        try {
            wake.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // time to retry
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // not completed exceptionally
        } finally {
            onWake = null;
            onCancel = null;
            requests.resume(this);
            onResume.run();
        }
        return !aborted && !cancelled;
    }

    /** Milliseconds since the request arrived. */
    long elapsedMillis() {
        return (System.nanoTime() - arrived) / 1_000_000;
    }
}
