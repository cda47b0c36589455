package org.smbscope.client.transport;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Large receive buffers handed back by their consumer, for the next frame of the same length: a
 * bulk transfer receives hundreds of equal 1 to 8 MiB frames, and a fresh array for each costs
 * zeroing it and faulting new heap pages in (measured: 10 to 15 % of the client's CPU time for a
 * download). Smaller frames are allocated as before. Keeps at most {@link #MAX_BYTES}; one pool per
 * connection, taken from by its reader and given to by whichever thread consumed the frame.
 */
final class FramePool {
    /** Frames below this size are cheap to allocate and not pooled. */
    static final int MIN_LENGTH = 64 * 1024;
    /** The most a pool keeps: 8 requests in flight of 1 MiB, or 4 of 8 MiB. */
    static final long MAX_BYTES = 40L << 20;

    private final ArrayDeque<byte[]> free = new ArrayDeque<>();
    private long bytes;

    /** An array of exactly {@code length} bytes: a pooled one (with old contents) or a new one. */
    byte[] take(int length) {
        if (length >= MIN_LENGTH) {
            synchronized (this) {
                for (Iterator<byte[]> it = free.iterator(); it.hasNext(); ) {
                    byte[] b = it.next();
                    if (b.length == length) {
                        it.remove();
                        bytes -= length;
                        return b;
                    }
                }
            }
        }
        return new byte[length];
    }

    /** Hands back an array nobody references any more; the oldest ones go when the pool is full. */
    void give(byte[] b) {
        if (b.length < MIN_LENGTH || b.length > MAX_BYTES) {
            return;
        }
        synchronized (this) {
            while (bytes + b.length > MAX_BYTES) {
                bytes -= free.removeFirst().length;
            }
            free.addLast(b);
            bytes += b.length;
        }
    }

    synchronized long pooledBytes() {
        return bytes;
    }
}
