package org.smbscope.server.smb2;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: the reader loop (on a virtual thread until a tree is connected, then on a platform thread
 * of its own, which blocks in the kernel without a poller or scheduler hand-off per request: idle connections stay
 * cheap, working ones fast) hands every frame to a new virtual thread running the {@link Dispatcher} (or, when nothing else of the connection is in work and the frame
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
    private final FrameBuffers buffers;
    private final int idleMillis;
    private OutputStream out;
    private Dispatcher dispatcher;
    private boolean first = true;
    private long frames;
    private boolean timed = true;
    /** Responses the reader wrote while serving pipelined frames inline, sent together ({@link #held}). */
    private final HeldResponses held = new HeldResponses();

    Connection(Socket socket, ServerContext ctx) {
        this(socket, ctx, null);
    }

    /**
     * With {@code buffers} (may be null) and a socket that has a channel (accepted from a ServerSocketChannel), frames
     * from {@link #DIRECT_FROM} bytes on are read into direct buffers: see {@link FrameBuffers}.
     */
    Connection(Socket socket, ServerContext ctx, FrameBuffers buffers) {
        this.socket = socket;
        this.ctx = ctx;
        this.buffers = buffers;
        this.framing = new DirectTcpFraming(ctx.limits().maxFrameSize());
        this.permits = Math.max(1, ctx.limits().maxCredits());
        this.inWork = new Semaphore(permits);
        this.idleMillis = (int) Math.min(Integer.MAX_VALUE, ctx.limits().idleTimeout().toMillis());
    }

    /** The read-ahead of a working connection's reader ({@link ReadAhead}): small frames, several at a time. */
    static final int READ_AHEAD = 16 * 1024;

    /** Frames from this size on go into a direct buffer (when the socket has a channel): the bulk READ/WRITE traffic. */
    static final int DIRECT_FROM = 64 * 1024;

    @Override
    public void run() {
        String peer = String.valueOf(socket.getRemoteSocketAddress());
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(idleMillis);
            InputStream in = socket.getInputStream();
            out = socket.getOutputStream();
            dispatcher = new Dispatcher(ctx, new Dispatcher.Sink() {
                @Override
                public void send(byte[] message) throws IOException {
                    write(message);
                }

                @Override
                public void send(byte[] head, ByteBuffer tail) throws IOException {
                    writeDirect(head, tail);
                }

                @Override
                public void drop(String why) {
                    LOG.debug("closing connection from {}: {}", peer, why);
                    closeQuietly();
                }
            }, peer, socket.getLocalAddress(), buffers != null && socket.getChannel() != null ? buffers : null);
            if (serveFrames(in, peer) && !socket.isClosed()) {
                // a tree is connected: the rest of the connection is served on a platform thread of its own, which
                // blocks in the kernel on its socket (no poller and no scheduler hand-off per request); the
                // virtual thread waits for it
                Thread reader = Thread.ofPlatform().daemon().name("smb-conn").start(() -> {
                    try {
                        serveFrames(new ReadAhead(in, READ_AHEAD), peer);
                    } catch (IOException e) {
                        LOG.debug("connection from {} closed: {}", peer, e.toString());
                    } finally {
                        // released here, at once: a client that drops this connection and opens the same files on
                        // a new one must find them closed (smbtorture's next subtest), not wait for the virtual
                        // thread below to be scheduled
                        closeQuietly();
                        dispatcher.close();
                    }
                });
                reader.join();
            }
        } catch (IOException e) {
            LOG.debug("connection from {} closed: {}", peer, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly();
            if (dispatcher != null) {
                dispatcher.close();
            }
        }
    }

    /**
     * Reads and serves frames until the connection ends (false) or, on a virtual thread, until a tree is connected
     * (true: the caller goes on on a platform thread). Between frames the idle timeout applies only while no tree is
     * connected (a timed read on a channel's socket costs two fcntl calls, and connections with a tree are spared
     * anyway).
     */
    private boolean serveFrames(InputStream in, String peer) throws IOException {
        ReadableByteChannel channel = buffers == null ? null : socket.getChannel();
        boolean virtual = Thread.currentThread().isVirtual();
        ReadAhead ahead = in instanceof ReadAhead a ? a : null;
        if (ahead != null) {
            held.holder(Thread.currentThread());
        }
        try {
            return serveFrames(in, ahead, channel, virtual, peer);
        } finally {
            if (ahead != null) {
                flushHeld();
            }
        }
    }

    private boolean serveFrames(InputStream in, ReadAhead ahead, ReadableByteChannel channel, boolean virtual,
            String peer) throws IOException {
        while (true) {
            if (ahead != null && !ahead.frameBuffered()) {
                // the next read may wait for the client: what the reader answered meanwhile goes out now
                flushHeld();
            }
            boolean trees = !first && dispatcher.hasTrees();
            if (trees && virtual) {
                return true;
            }
            if (trees == timed) {
                timed = !trees;
                socket.setSoTimeout(timed ? idleMillis : 0);
            }
            int length;
            try {
                length = framing.readLength(in);
            } catch (SocketTimeoutException idle) {
                if (dispatcher.hasTrees()) {
                    continue;
                }
                LOG.debug("connection from {} idle, closed", peer);
                break;
            }
            if (length < 0) {
                break;
            }
            // only with a tree connected (an authenticated user): the body read below has no timeout
            ByteBuffer into = channel != null && trees && length >= DIRECT_FROM
                    ? buffers.take(length) : null;
            if (into != null) {
                serveDirect(ahead, channel, into, length);
                continue;
            }
            byte[] frame = DirectTcpFraming.readBody(in, length);
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
        return false;
    }

    /**
     * Reads a large frame's body straight from the socket into the direct buffer {@code into} (taking what {@code
     * ahead}, may be null, holds first; the idle timeout applies between frames: the header was read through the
     * stream, and spares connections with a tree anyway) and has it served by a thread of its own. A lone WRITE or a
     * sealed frame ({@link ArrivingWrite}) is handed over as soon as its header is there, and the rest is read while
     * the request's thread opens or verifies it, or writes the parts that have arrived to the file.
     */
    private void serveDirect(ReadAhead ahead, ReadableByteChannel channel, ByteBuffer into, int length)
            throws IOException {
        DirectTcpFraming.begin(ahead, into, length);
        DirectTcpFraming.fill(channel, into, Math.min(length, ArrivingWrite.HEAD));
        ArrivingWrite arriving = ArrivingWrite.qualifies(into, length) ? new ArrivingWrite(length, into.position())
                : ArrivingWrite.sealed(into, length)
                        ? new ArrivingWrite(length, into.position(), org.smbscope.codec.crypto.Smb3Transform.HEADER_LENGTH)
                        : null;
        if (arriving == null) {
            DirectTcpFraming.fill(channel, into, length);
        }
        ByteBuffer frame = into.duplicate().position(0);
        inWork.acquireUninterruptibly();
        RequestOrder.Ticket ticket = order.arrive();
        Thread.ofVirtual().name("smb-req").start(() -> {
            try {
                boolean free = dispatcher.onFrame(frame, ticket, arriving);
                if (arriving != null) {
                    arriving.awaitEnd(); // the reader no longer writes into the buffer
                }
                if (free) {
                    buffers.give(into);
                }
            } finally {
                ticket.leave();
                inWork.release();
            }
        });
        if (arriving != null) {
            boolean whole = false;
            try {
                while (into.hasRemaining()) {
                    if (channel.read(into) < 0) {
                        throw new java.io.EOFException("truncated frame: " + into.position() + " of " + length + " bytes");
                    }
                    arriving.advanced(into.position());
                }
                whole = true;
            } finally {
                arriving.ended(whole);
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
            if (!raw && held.hold(bytes)) {
                return;
            }
            held.flush(out);
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

    /**
     * Closes the connection; output is shut down first so that the client reads the end of the stream before the
     * reset that unread input causes (a channel's socket, unlike a plain one, does not do that itself on Linux).
     */
    /**
     * Writes one frame of {@code head} then {@code tail} with one gathering write on the socket's channel (a direct
     * tail is not copied), under the connection's lock; through the stream (one copy) when there is no channel.
     */
    private void writeDirect(byte[] head, ByteBuffer tail) throws IOException {
        java.nio.channels.SocketChannel channel = socket.getChannel();
        int length = head.length + tail.remaining();
        if (length > org.smbscope.codec.netbios.DirectTcpFraming.MAX_LENGTH) {
            throw new IOException("message too large for direct TCP framing: " + length);
        }
        if (channel == null) {
            byte[] joined = java.util.Arrays.copyOf(head, length);
            tail.duplicate().get(joined, head.length, tail.remaining());
            write(joined);
            return;
        }
        byte[] framed = new byte[4 + head.length];
        framed[1] = (byte) (length >>> 16);
        framed[2] = (byte) (length >>> 8);
        framed[3] = (byte) length;
        System.arraycopy(head, 0, framed, 4, head.length);
        ByteBuffer[] parts = {ByteBuffer.wrap(framed), tail.duplicate()};
        writeLock.lock();
        try {
            held.flush(out);
            out.flush();
            while (parts[0].hasRemaining() || parts[1].hasRemaining()) {
                channel.write(parts);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Sends what the reader held back, if anything. */
    private void flushHeld() throws IOException {
        writeLock.lock();
        try {
            held.flush(out);
        } finally {
            writeLock.unlock();
        }
    }

    private void closeQuietly() {
        try {
            if (!socket.isClosed() && !socket.isOutputShutdown()) {
                socket.shutdownOutput();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
