package org.smbscope.client.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;

/**
 * [MS-SMB2] 2.1 Direct TCP transport: every frame is preceded by a zero byte and a 24-bit
 * big-endian length.
 */
public final class DirectTcpTransport implements Transport {
    public static final int DEFAULT_PORT = 445;

    private final SocketStreams streams;
    private final int maxFrameSize;
    private final FramePool pool = new FramePool();

    private DirectTcpTransport(SocketStreams streams, int maxFrameSize) {
        this.streams = streams;
        this.maxFrameSize = maxFrameSize;
    }

    public static DirectTcpTransport connect(InetSocketAddress address, TransportConfig config) throws IOException {
        return new DirectTcpTransport(SocketStreams.connect(address, config), config.maxFrameSize());
    }

    /** Wraps an already connected socket (tests, or a server-side accept). */
    public static DirectTcpTransport over(Socket socket, TransportConfig config) throws IOException {
        return new DirectTcpTransport(SocketStreams.wrap(socket), config.maxFrameSize());
    }

    @Override
    public void send(byte[] frame) throws IOException {
        FrameIo.write(streams.out, 0x00, frame);
    }

    @Override
    public byte[] receive() throws IOException {
        while (true) {
            int type = FrameIo.readType(streams.in);
            byte[] body = FrameIo.readBody(streams.in, maxFrameSize, pool);
            if (type == 0x00) {
                return body;
            }
            if (type != FrameIo.KEEPALIVE) {
                throw new IOException(String.format("unexpected frame type 0x%02x on direct TCP", type));
            }
        }
    }

    @Override
    public void send(byte[] head, ByteBuffer tail) throws IOException {
        FrameIo.write(streams, 0x00, head, tail);
    }

    @Override
    public void send(byte[] head, java.nio.channels.FileChannel file, long position, int count) throws IOException {
        FrameIo.write(streams, 0x00, head, file, position, count);
    }

    @Override
    public void recycle(byte[] frame) {
        pool.give(frame);
    }

    @Override
    public byte[] buffer(int length) {
        return pool.take(length);
    }

    @Override
    public String describe() {
        return "tcp " + streams.peer();
    }

    @Override
    public void close() {
        streams.close();
    }
}
