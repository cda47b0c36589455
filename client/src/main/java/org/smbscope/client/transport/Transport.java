package org.smbscope.client.transport;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A connected byte stream that carries whole SMB frames. {@link #send} may be called by one
 * thread at a time (callers hold their own write lock); {@link #receive} by one reader thread.
 */
public interface Transport extends AutoCloseable {

    /** Writes one frame (the SMB message without the transport header). */
    void send(byte[] frame) throws IOException;

    /**
     * Writes one frame whose body is {@code head} followed by the remaining bytes of {@code tail}
     * (bulk data in a direct buffer, which a socket transport writes without copying it). The
     * default joins them into one array.
     */
    default void send(byte[] head, ByteBuffer tail) throws IOException {
        byte[] frame = java.util.Arrays.copyOf(head, head.length + tail.remaining());
        tail.duplicate().get(frame, head.length, tail.remaining());
        send(frame);
    }

    /**
     * Blocks for the next frame. Throws {@link java.io.EOFException} when the peer closed the
     * connection, {@link FrameTooLargeException} for a frame above the configured maximum.
     */
    byte[] receive() throws IOException;

    /**
     * Hands back a frame {@link #receive} returned, once nothing references it any more, so that a
     * later frame of the same length can reuse the array (bulk transfers). Optional.
     */
    default void recycle(byte[] frame) {
    }

    /** A short description for messages, e.g. {@code tcp 127.0.0.10:445}. */
    String describe();

    @Override
    void close();
}
