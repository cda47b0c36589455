package org.smbscope.server.smb2;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.codec.netbios.NetbiosDecodeException;
import org.smbscope.codec.netbios.PositiveSessionResponse;
import org.smbscope.codec.netbios.SessionFrameCodec;
import org.smbscope.codec.netbios.SessionFrameHeader;
import org.smbscope.codec.netbios.SessionPacket;
import org.smbscope.codec.netbios.SessionRequest;

/**
 * One client connection: the reader loop on the connection's own virtual thread hands every frame to a new
 * virtual thread running the {@link Dispatcher} (so responses may leave out of order); responses are
 * written under the connection's lock. At most {@link ServerLimits#maxCredits()} frames are in work at once
 * (the reader waits: back pressure). On port 139 a NetBIOS session request ([RFC 1002] 4.3.2) comes first
 * and is answered positively whatever the called name. A connection idle for
 * {@link ServerLimits#idleTimeout()} without a tree connected is closed.
 */
final class Connection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private final Socket socket;
    private final DirectTcpFraming framing;
    private final ServerContext ctx;
    private final boolean netbios;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Semaphore inWork;
    private OutputStream out;
    private Dispatcher dispatcher;

    Connection(Socket socket, ServerContext ctx, boolean netbios) {
        this.socket = socket;
        this.ctx = ctx;
        this.netbios = netbios;
        this.framing = new DirectTcpFraming(ctx.limits().maxFrameSize());
        this.inWork = new Semaphore(Math.max(1, ctx.limits().maxCredits()));
    }

    @Override
    public void run() {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, ctx.limits().idleTimeout().toMillis()));
            InputStream in = socket.getInputStream();
            out = socket.getOutputStream();
            dispatcher = new Dispatcher(ctx, new Dispatcher.Sink() {
                @Override
                public void send(byte[] message) throws IOException {
                    write(message);
                }

                @Override
                public void drop(String why) {
                    LOG.debug("closing connection from {}: {}", peer, why);
                    closeQuietly();
                }
            }, peer);
            if (netbios && !sessionRequest(in)) {
                return;
            }
            while (true) {
                byte[] frame;
                try {
                    frame = framing.read(in);
                } catch (SocketTimeoutException idle) {
                    if (dispatcher.hasTrees()) {
                        continue;
                    }
                    LOG.debug("connection from {} idle, closed", peer);
                    break;
                }
                if (frame == null) {
                    break;
                }
                inWork.acquireUninterruptibly();
                byte[] f = frame;
                Thread.ofVirtual().name("smb-req").start(() -> {
                    try {
                        dispatcher.onFrame(f);
                    } finally {
                        inWork.release();
                    }
                });
            }
        } catch (IOException e) {
            LOG.debug("connection from {} closed: {}", peer, e.toString());
        } finally {
            if (dispatcher != null) {
                dispatcher.close();
            }
        }
    }

    /** [RFC 1002] 4.3.2: reads the SESSION REQUEST and answers POSITIVE SESSION RESPONSE; false on anything else. */
    private boolean sessionRequest(InputStream in) throws IOException {
        SessionFrameCodec codec = new SessionFrameCodec(4096);
        while (true) {
            byte[] header = in.readNBytes(4);
            if (header.length < 4) {
                return false;
            }
            try {
                SessionFrameHeader fh = codec.decodeHeader(header);
                byte[] body = in.readNBytes(fh.length());
                if (body.length < fh.length()) {
                    return false;
                }
                SessionPacket p = codec.decodeBody(fh, body);
                if (p instanceof SessionRequest r) {
                    LOG.debug("NetBIOS session request for {} from {}", r.called(), r.calling());
                    write(codec.encode(new PositiveSessionResponse()), true);
                    return true;
                }
                if (!(p instanceof org.smbscope.codec.netbios.SessionKeepAlive)) {
                    return false;
                }
            } catch (NetbiosDecodeException e) {
                return false;
            }
        }
    }

    private void write(byte[] message) throws IOException {
        write(message, false);
    }

    private void write(byte[] bytes, boolean raw) throws IOException {
        writeLock.lock();
        try {
            if (raw) {
                out.write(bytes);
                out.flush();
            } else {
                DirectTcpFraming.write(out, bytes);
            }
        } finally {
            writeLock.unlock();
        }
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
