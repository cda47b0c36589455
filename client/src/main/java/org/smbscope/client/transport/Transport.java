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
     * Writes one frame whose body is {@code head} followed by {@code count} bytes of {@code file} from
     * {@code position} (a WRITE's data, unsigned and unsealed): a socket transport has the kernel send them
     * straight from the file (sendfile), without a copy through this process. The default reads them first.
     *
     * @throws java.io.EOFException if the file ends before {@code count} bytes (the connection is then unusable:
     *                              the frame's length has been sent)
     */
    default void send(byte[] head, java.nio.channels.FileChannel file, long position, int count) throws IOException {
        ByteBuffer data = ByteBuffer.allocate(count);
        while (data.hasRemaining()) {
            if (file.read(data, position + data.position()) < 0) {
                throw new java.io.EOFException("local file ended at " + (position + data.position()));
            }
        }
        send(head, data.flip());
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

    /**
     * An array of exactly {@code length} bytes for a message this connection received (the plaintext of a sealed
     * one), with undefined contents: from the same pool as received frames, to be handed back by {@link #recycle}.
     */
    default byte[] buffer(int length) {
        return new byte[length];
    }

    /** A short description for messages, e.g. {@code tcp 127.0.0.10:445}. */
    String describe();

    @Override
    void close();
}
