package org.smbscope.client.probe;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A TCP connection that writes and reads session-service frames ([MS-SMB2] 2.1 direct TCP, RFC
 * 1002 4.3 NetBIOS session) and records each as a {@link ProbeFrame}.
 */
final class FramedSocket implements AutoCloseable {
    static final int MAX_FRAME = 1 << 20;
    final Socket socket;
    final List<ProbeFrame> frames = new ArrayList<>();
    final Duration connect;
    private final ProbeConfig config;

    private FramedSocket(Socket socket, Duration connect, ProbeConfig config) {
        this.socket = socket;
        this.connect = connect;
        this.config = config;
    }

    static FramedSocket connect(InetSocketAddress target, ProbeConfig config) throws IOException {
        Socket s = new Socket();
        long t0 = System.nanoTime();
        try {
            s.connect(target, (int) config.timeout().toMillis());
            s.setSoTimeout((int) config.timeout().toMillis());
            s.setTcpNoDelay(true);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        return new FramedSocket(s, Duration.ofNanos(System.nanoTime() - t0), config);
    }

    /** Sends a session message (type 0) around {@code message}. */
    void sendMessage(byte[] message) throws IOException {
        byte[] f = new byte[message.length + 4];
        f[1] = (byte) (message.length >> 16);
        f[2] = (byte) (message.length >> 8);
        f[3] = (byte) message.length;
        System.arraycopy(message, 0, f, 4, message.length);
        frames.add(new ProbeFrame(true, config.clock().instant(), message, false));
        write(f);
    }

    /** Sends a whole NetBIOS control packet (header included). */
    void sendControl(byte[] packet) throws IOException {
        frames.add(new ProbeFrame(true, config.clock().instant(), packet, true));
        write(packet);
    }

    private void write(byte[] f) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(f);
        out.flush();
    }

    /** Reads one frame; control packets keep their header, messages lose it. */
    ProbeFrame receive() throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] h = new byte[4];
        try {
            in.readFully(h);
        } catch (EOFException e) {
            throw new EOFException("connection closed by the server");
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("no answer within " + config.timeout().toMillis() + " ms");
        }
        int type = h[0] & 0xFF;
        int len = ((h[1] & 0xFF) << 16) | ((h[2] & 0xFF) << 8) | (h[3] & 0xFF);
        if (type != 0) {
            len &= 0x1FFFF;
        }
        if (len > MAX_FRAME) {
            throw new IOException("frame of " + len + " bytes is over the probe's limit");
        }
        byte[] body = new byte[len];
        in.readFully(body);
        ProbeFrame f = type == 0 ? new ProbeFrame(false, config.clock().instant(), body, false)
                : new ProbeFrame(false, config.clock().instant(), concat(h, body), true);
        frames.add(f);
        return f;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    InetSocketAddress local() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    Instant now() {
        return config.clock().instant();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a probe socket: nothing to do
        }
    }
}
