package org.smbscope.client.transport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;

/**
 * A connected socket with buffered streams, shared by both transports. A socket we connect
 * ourselves comes from a {@link SocketChannel} (blocking), so that bulk data held in direct
 * buffers can be written without a copy into the Java heap ({@link #writeGathering}).
 */
final class SocketStreams implements AutoCloseable {
    /** Size of the stream buffers. */
    static final int BUFFER = 1 << 16;
    final Socket socket;
    final DataInputStream in;
    final OutputStream out;
    /** The socket's channel, or null (a socket a caller created without one). */
    private final SocketChannel channel;

    private SocketStreams(Socket socket) throws IOException {
        this.socket = socket;
        this.channel = socket.getChannel();
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), BUFFER));
        this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
    }

    /** Whether {@link #writeGathering} writes without copying. */
    boolean gathers() {
        return channel != null;
    }

    /**
     * Writes {@code head} and then {@code tail} (a direct buffer: no copy on the way to the
     * kernel) after anything buffered; callers hold the transport's write lock.
     */
    void writeGathering(byte[] head, ByteBuffer tail) throws IOException {
        out.flush();
        ByteBuffer[] parts = {ByteBuffer.wrap(head), tail};
        long left = head.length + (long) tail.remaining();
        while (left > 0) {
            long n = channel.write(parts);
            if (n < 0) {
                throw new IOException("socket closed while writing");
            }
            left -= n;
        }
    }

    /**
     * Writes {@code head}, then {@code count} bytes of {@code file} from {@code position}, after anything buffered:
     * through the kernel's sendfile when the socket is a channel (no copy into this process), else read and written.
     * Callers hold the transport's write lock.
     */
    void writeFile(byte[] head, FileChannel file, long position, long count) throws IOException {
        if (channel == null) {
            out.write(head);
            ByteBuffer b = ByteBuffer.allocate((int) Math.min(count, BUFFER));
            long left = count;
            while (left > 0) {
                b.clear().limit((int) Math.min(left, b.capacity()));
                int n = file.read(b, position + count - left);
                if (n < 0) {
                    throw new EOFException("local file ended at " + (position + count - left));
                }
                out.write(b.array(), 0, n);
                left -= n;
            }
            out.flush();
            return;
        }
        out.flush();
        ByteBuffer h = ByteBuffer.wrap(head);
        while (h.hasRemaining()) {
            channel.write(h);
        }
        long at = position;
        long end = position + count;
        while (at < end) {
            long n = file.transferTo(at, end - at, channel);
            if (n <= 0) {
                break; // at the file's end, or a socket the kernel would not send to now: the rest below
            }
            at += n;
        }
        if (at < end) {
            ByteBuffer b = ByteBuffer.allocateDirect((int) Math.min(end - at, 1 << 20));
            while (at < end) {
                b.clear().limit((int) Math.min(end - at, b.capacity()));
                if (file.read(b, at) < 0) {
                    throw new EOFException("local file ended at " + at + " while sending it");
                }
                b.flip();
                at += b.remaining();
                while (b.hasRemaining()) {
                    channel.write(b);
                }
            }
        }
    }

    static SocketStreams connect(InetSocketAddress address, TransportConfig config) throws IOException {
        Socket socket = SocketChannel.open().socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.connect(address, (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, config.readTimeout().toMillis()));
            return new SocketStreams(socket);
        } catch (IOException | RuntimeException e) {
            try {
                socket.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    static SocketStreams wrap(Socket socket) throws IOException {
        return new SocketStreams(socket);
    }

    String peer() {
        return String.valueOf(socket.getRemoteSocketAddress()).replaceFirst("^[^/]*/", "");
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing: nothing useful to do
        }
    }
}
