package org.smbscope.client.smb2;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * [MS-SMB2] 3.2.4.1.5 credit accounting: the message ids a client may use are a window that the
 * server's CreditResponse fields open; a request of charge N consumes N of them. A request waits
 * (bounded) until enough credits are granted, and never exceeds them.
 */
final class CreditWindow {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition granted = lock.newCondition();
    private long available;
    private long nextMessageId;
    private boolean closed;

    CreditWindow(long initialCredits) {
        this(initialCredits, 0);
    }

    /** A window that starts at {@code firstMessageId} (1 after an SMB1-to-SMB2 upgrade). */
    CreditWindow(long initialCredits, long firstMessageId) {
        this.available = initialCredits;
        this.nextMessageId = firstMessageId;
    }

    /**
     * Takes {@code charge} credits and returns the first message id of the range, waiting at most
     * {@code timeout}. Returns -1 on timeout.
     */
    long acquire(int charge, Duration timeout) throws InterruptedException {
        long nanos = timeout.toNanos();
        lock.lock();
        try {
            while (!closed && available < charge) {
                if (nanos <= 0) {
                    return -1;
                }
                nanos = granted.awaitNanos(nanos);
            }
            if (closed) {
                return -1;
            }
            available -= charge;
            long id = nextMessageId;
            nextMessageId += charge;
            return id;
        } finally {
            lock.unlock();
        }
    }

    void grant(int credits) {
        if (credits <= 0) {
            return;
        }
        lock.lock();
        try {
            available += credits;
            granted.signalAll();
        } finally {
            lock.unlock();
        }
    }

    long available() {
        lock.lock();
        try {
            return available;
        } finally {
            lock.unlock();
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            granted.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
