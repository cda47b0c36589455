package org.smbscope.server.smb2;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.codec.smb2.Smb2Header;

/**
 * The requests of one connection that went async ([MS-SMB2] 3.3.4.2, 3.3.5.16): their AsyncIds, and what
 * CANCEL finds them by (the AsyncId, or the MessageId of a sync-form CANCEL). A sync-form CANCEL that names a
 * request not (yet) pending, such as a READ still running beside others, is remembered (bounded) and cancels
 * the request as soon as it goes async.
 */
final class PendingRequests {
    private static final Logger LOG = LoggerFactory.getLogger(PendingRequests.class);
    private static final int EARLY_CANCELS = 256;

    private record Op(long asyncId, long messageId, long sessionId, Runnable cancel) {
    }

    private final Map<Long, Op> byAsync = new ConcurrentHashMap<>();
    private final Map<Long, Op> byMid = new ConcurrentHashMap<>();
    private final AtomicLong nextAsyncId = new AtomicLong(1);
    private final Object lock = new Object();
    /** Sync-form CANCELs that arrived before their request went async: message id to session id. */
    private final Map<Long, Long> earlyCancels = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > EARLY_CANCELS;
        }
    };

    long newAsyncId() {
        return nextAsyncId.getAndIncrement();
    }

    /** Registers a request that went async; a CANCEL that came early for it runs now. */
    void add(long asyncId, long messageId, long sessionId, Runnable cancel) {
        Op op = new Op(asyncId, messageId, sessionId, cancel);
        Long cancelledBy;
        synchronized (lock) {
            byMid.put(messageId, op);
            byAsync.put(asyncId, op);
            cancelledBy = earlyCancels.remove(messageId);
        }
        if (cancelledBy != null && cancelledBy == sessionId) {
            run(op);
        }
    }

    /** The request finished: CANCEL no longer finds it. */
    void done(long asyncId, long messageId) {
        byMid.remove(messageId);
        byAsync.remove(asyncId);
    }

    /** A CANCEL request ([MS-SMB2] 3.3.5.16): the request it names, of the same session, is cancelled. */
    void cancel(Smb2Header h) {
        Op op;
        synchronized (lock) {
            op = h.isAsync() ? byAsync.get(h.asyncId()) : byMid.get(h.messageId());
            if (op == null && !h.isAsync()) {
                earlyCancels.put(h.messageId(), h.sessionId());
            }
        }
        if (op != null && op.sessionId() == h.sessionId()) {
            run(op);
        }
    }

    /** Cancels every pending request of {@code sessionId} (LOGOFF); all of them when {@code sessionId} is -1. */
    void cancelSession(long sessionId) {
        cancelWhere(id -> sessionId == -1 || id == sessionId);
    }

    /** Cancels every pending request whose session id {@code sessions} accepts. */
    void cancelWhere(java.util.function.LongPredicate sessions) {
        for (Op op : List.copyOf(byAsync.values())) {
            if (sessions.test(op.sessionId())) {
                run(op);
            }
        }
    }

    private static void run(Op op) {
        try {
            op.cancel().run();
        } catch (RuntimeException e) {
            LOG.warn("cancel of async request {} failed: {}", op.asyncId(), e.toString());
        }
    }
}
