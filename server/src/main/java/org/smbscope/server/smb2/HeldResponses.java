package org.smbscope.server.smb2;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Responses a working connection's reader wrote while it served pipelined frames inline, framed ([MS-SMB2] 2.1
 * direct TCP transport: a zero byte and a 24-bit length before each message) and sent with one write once the
 * reader has no further whole frame buffered, instead of one write (and one segment the client wakes up for) per
 * response. Only the reader's own responses are held, and at most {@link #MAX} bytes; a write from any other thread
 * sends the held ones first. Guarded by the connection's write lock.
 */
final class HeldResponses {
    /** The most held back: beyond it, the held ones go out. */
    static final int MAX = 64 * 1024;

    private Thread holder;
    private byte[] bytes = new byte[4096];
    private int length;

    /** Responses that {@code reader} writes are held from now on. */
    void holder(Thread reader) {
        this.holder = reader;
    }

    /** Holds {@code message} if the calling thread is the holder and it fits; false: send it (after {@link #flush}). */
    boolean hold(byte[] message) {
        if (Thread.currentThread() != holder || length + 4 + message.length > MAX) {
            return false;
        }
        if (length + 4 + message.length > bytes.length) {
            bytes = java.util.Arrays.copyOf(bytes, Math.min(MAX, Math.max(bytes.length * 2, length + 4 + message.length)));
        }
        bytes[length] = 0;
        bytes[length + 1] = (byte) (message.length >>> 16);
        bytes[length + 2] = (byte) (message.length >>> 8);
        bytes[length + 3] = (byte) message.length;
        System.arraycopy(message, 0, bytes, length + 4, message.length);
        length += 4 + message.length;
        return true;
    }

    /** Sends the held responses, if any, with one write. */
    void flush(OutputStream out) throws IOException {
        if (length == 0) {
            return;
        }
        int n = length;
        length = 0;
        out.write(bytes, 0, n);
        out.flush();
    }
}
