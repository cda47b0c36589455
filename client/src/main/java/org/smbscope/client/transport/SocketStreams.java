package org.smbscope.client.transport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A connected socket with buffered streams, shared by both transports. */
final class SocketStreams implements AutoCloseable {
    /** Size of the stream buffers. */
    static final int BUFFER = 1 << 16;
    final Socket socket;
    final DataInputStream in;
    final OutputStream out;

    private SocketStreams(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), BUFFER));
        this.out = new BufferedOutputStream(socket.getOutputStream(), BUFFER);
    }

    static SocketStreams connect(InetSocketAddress address, TransportConfig config) throws IOException {
        Socket socket = new Socket();
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
