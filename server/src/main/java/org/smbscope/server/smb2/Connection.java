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

/**
 * One client connection: the reader loop on the connection's own virtual thread hands every frame to a new
 * virtual thread running the {@link Dispatcher} (or, when nothing else of the connection is in work and the frame
 * is small and no READ, serves it itself: a one-request-at-a-time client such as smbclient putting small files
 * then costs no thread hand-off per request), with a {@link RequestOrder} ticket that keeps the requests
 * in arrival order (lone READs and WRITEs may overlap, so their responses may leave out of order); responses are
 * written under the connection's lock. At most {@link ServerLimits#maxCredits()} frames are in work at once
 * (the reader waits: back pressure). On port 139 the NetBIOS session request has been answered before
 * (server.netbios.SessionGate). A connection idle for
 * {@link ServerLimits#idleTimeout()} without a tree connected is closed.
 */
final class Connection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);
    /** Frames up to this size may be served on the reader thread ({@link #servedInline}). */
    static final int INLINE_MAX = 65536 + 256;
    /** The first frames of a connection served inline let other ready work run first ({@link Thread#yield}). */
    static final int YIELDING_FRAMES = 16;

    private final Socket socket;
    private final DirectTcpFraming framing;
    private final ServerContext ctx;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Semaphore inWork;
    private final int permits;
    private final RequestOrder order = new RequestOrder();
    private OutputStream out;
    private Dispatcher dispatcher;

    Connection(Socket socket, ServerContext ctx) {
        this.socket = socket;
        this.ctx = ctx;
        this.framing = new DirectTcpFraming(ctx.limits().maxFrameSize());
        this.permits = Math.max(1, ctx.limits().maxCredits());
        this.inWork = new Semaphore(permits);
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
            }, peer, socket.getLocalAddress());
            boolean first = true;
            long frames = 0;
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
                if (first) {
                    first = false;
                    if (org.smbscope.server.smb1.Smb1Connection.takesOver(ctx.config(), frame)) { // SMB1 (NT1) hook
                        new org.smbscope.server.smb1.Smb1Connection(ctx.smb1(), peer).serve(frame, in, out);
                        break;
                    }
                }
                inWork.acquireUninterruptibly();
                frames++;
                byte[] f = frame;
                RequestOrder.Ticket ticket = order.arrive();
                Runnable serve = () -> {
                    try {
                        dispatcher.onFrame(f, ticket);
                    } finally {
                        ticket.leave();
                        inWork.release();
                    }
                };
                if (inWork.availablePermits() == permits - 1 && servedInline(f)) {
                    // nothing else of this connection in work: no hand-off to another thread. While the connection
                    // is young, work of other connections that is ready to run (such as the reader of a connection the
                    // client has just dropped, about to release its opens) goes first, as it would before a new
                    // thread: a client that drops a connection and at once opens the same files on a new one must
                    // find them released
                    if (frames <= YIELDING_FRAMES) {
                        Thread.yield();
                    }
                    serve.run();
                } else {
                    Thread.ofVirtual().name("smb-req").start(serve);
                }
            }
        } catch (IOException e) {
            LOG.debug("connection from {} closed: {}", peer, e.toString());
        } finally {
            if (dispatcher != null) {
                dispatcher.close();
            }
        }
    }

    /**
     * True for a frame the reader may serve itself when nothing else of the connection is in work: a small plain
     * SMB2 frame (one message or a compound) without a READ, whose work is short and whose response is small
     * (a request that waits goes async and returns). Sealed frames (the command is not visible), large WRITEs
     * and READs (their responses may be megabytes: the reader goes on reading the next READs meanwhile) get their
     * own thread.
     */
    static boolean servedInline(byte[] frame) {
        if (frame.length > INLINE_MAX) {
            return false;
        }
        int at = 0;
        while (true) {
            if (frame.length - at < 64 || (frame[at] & 0xFF) != 0xFE || frame[at + 1] != 'S' || frame[at + 2] != 'M'
                    || frame[at + 3] != 'B') {
                return false;
            }
            int command = (frame[at + 12] & 0xFF) | (frame[at + 13] & 0xFF) << 8;
            if (command == org.smbscope.codec.smb2.Smb2Command.READ.value()) {
                return false;
            }
            long next = (frame[at + 20] & 0xFFL) | (frame[at + 21] & 0xFFL) << 8 | (frame[at + 22] & 0xFFL) << 16
                    | (frame[at + 23] & 0xFFL) << 24;
            if (next == 0) {
                return true;
            }
            if (next < 64 || next > frame.length - at) {
                return false;
            }
            at += (int) next;
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
