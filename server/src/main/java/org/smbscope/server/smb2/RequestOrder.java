package org.smbscope.server.smb2;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the requests of one connection in arrival order ([MS-SMB2] 3.3.5.2: the server processes the
 * messages of a connection as they arrive; Samba's smbd does so on one thread). Each frame is a
 * {@link Ticket}, taken by the reader in arrival order. A frame runs only when every earlier frame has
 * finished, or has gone async and sent its interim response ({@code Outcome.Pending}): so a CLOSE cannot
 * overtake the QUERY_DIRECTORY or CHANGE_NOTIFY sent before it on the same handle.
 *
 * <p>The one exception is throughput: a lone READ or WRITE frame waits only for the earlier frames of other
 * kinds and runs alongside its neighbouring READs and WRITEs (many requests in flight, as Samba's
 * asynchronous I/O does). Work done before a frame takes its place, such as decrypting it, stays parallel.
 */
final class RequestOrder {
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    /** Finished parallel frames are swept from {@link #parallel} when it grows past this. */
    private static final int SWEEP = 64;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition placedOne = lock.newCondition();
    /** The next arrival number; touched by the reader thread only. */
    private long arrivals;
    /** The arrival number of the frame whose place is decided next. */
    private long nextPlace;
    /** Completes when the last ordered frame is done. */
    private CompletableFuture<Void> ordered = DONE;
    /** READ/WRITE frames placed since the last ordered frame. */
    private final List<CompletableFuture<Void>> parallel = new ArrayList<>();

    /** A ticket for the next frame; called by the connection's reader, in arrival order. */
    Ticket arrive() {
        return new Ticket(arrivals++);
    }

    /** One frame's place in the order. */
    final class Ticket {
        private final long number;
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private boolean placed;

        private Ticket(long number) {
            this.number = number;
        }

        /**
         * Takes this frame's place and waits until it may run: until every earlier frame is done when
         * {@code concurrent} is false, else until every earlier frame that is not concurrent is done.
         */
        void enter(boolean concurrent) {
            if (placed) {
                return;
            }
            CompletableFuture<Void> gate = place(concurrent);
            gate.join();
        }

        /** This frame is done (or went async); a frame that never entered gives up its place. */
        void leave() {
            if (!placed) {
                place(true);
            }
            done.complete(null);
        }

        private CompletableFuture<Void> place(boolean concurrent) {
            lock.lock();
            try {
                while (nextPlace != number) {
                    placedOne.awaitUninterruptibly();
                }
                placed = true;
                CompletableFuture<Void> gate;
                if (concurrent) {
                    gate = ordered;
                    if (parallel.size() >= SWEEP) {
                        parallel.removeIf(CompletableFuture::isDone);
                    }
                    parallel.add(done);
                } else {
                    parallel.removeIf(CompletableFuture::isDone);
                    parallel.add(ordered);
                    gate = parallel.size() == 1 ? parallel.get(0)
                            : CompletableFuture.allOf(parallel.toArray(CompletableFuture[]::new));
                    parallel.clear();
                    ordered = done;
                }
                nextPlace++;
                placedOne.signalAll();
                return gate;
            } finally {
                lock.unlock();
            }
        }
    }
}
