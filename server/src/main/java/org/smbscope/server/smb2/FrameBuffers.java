package org.smbscope.server.smb2;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.smbscope.codec.crypto.Smb3Cipher;

/**
 * Direct buffers for large incoming frames (8 MiB WRITEs) and large READ responses, shared by the server's
 * connections: a frame read into one goes from the socket to the file with no copy in Java, and READ data from the
 * file to the socket (a heap array costs a fresh zeroed array per frame, a copy out of or into the JDK's temporary
 * direct buffer on every socket read or write and another on every file write or read).
 * Each holds a largest frame and the 16 bytes of an encryption tag after it ({@link
 * org.smbscope.codec.crypto.Smb3Transform#openInPlace}). At most {@code keep} idle buffers are kept; beyond that
 * they are left to the collector, so a burst of frames in work costs memory only while it lasts. Thread safe.
 */
final class FrameBuffers {
    private final int capacity;
    private final int keep;
    private final ConcurrentLinkedQueue<ByteBuffer> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    FrameBuffers(int maxFrameSize, int keep) {
        this.capacity = maxFrameSize + Smb3Cipher.TAG_LENGTH;
        this.keep = keep;
    }

    /** An idle buffer or a new one, cleared; its capacity holds a largest frame and a tag. */
    ByteBuffer take() {
        ByteBuffer b = idle.poll();
        if (b == null) {
            return ByteBuffer.allocateDirect(capacity);
        }
        idleCount.decrementAndGet();
        return b.clear();
    }

    /**
     * A buffer for {@code size} bytes: an idle one, or a new one when {@code size} is at least a quarter of a buffer;
     * null when none is idle and {@code size} is smaller (a new buffer would cost more than an array of that size:
     * the caller uses an array).
     */
    ByteBuffer take(int size) {
        ByteBuffer b = idle.poll();
        if (b != null) {
            idleCount.decrementAndGet();
            return b.clear();
        }
        return size >= capacity / 4 ? ByteBuffer.allocateDirect(capacity) : null;
    }

    /** Takes back a buffer from {@link #take()} that nothing refers to any more. */
    void give(ByteBuffer b) {
        if (b.capacity() != capacity || !b.isDirect()) {
            return;
        }
        if (idleCount.incrementAndGet() <= keep) {
            idle.offer(b);
        } else {
            idleCount.decrementAndGet();
        }
    }

    /** Buffers kept idle now (tests). */
    int idle() {
        return idleCount.get();
    }
}
