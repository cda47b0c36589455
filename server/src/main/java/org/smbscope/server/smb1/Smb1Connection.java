package org.smbscope.server.smb1;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.smbscope.codec.smb1.NegotiateRequest;
import org.smbscope.codec.smb1.Smb1DecodeException;
import org.smbscope.codec.smb1.Smb1Message;
import org.smbscope.codec.smb1.Smb1Messages;
import org.smbscope.server.config.ProtocolLevel;
import org.smbscope.server.config.ServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMB1 connection, after its first frame (an SMB1 NEGOTIATE) was found to be ours by {@link #takesOver}:
 * frames are read one after the other (direct TCP / NetBIOS session framing, keep-alives skipped) and answered
 * in order by the dispatcher, a request that goes pending letting later ones through ({@link Smb1Requests}); a
 * malformed frame drops the connection, and so does the listener's idle timeout when no tree is connected.
 */
public final class Smb1Connection {
    private static final Logger LOG = LoggerFactory.getLogger(Smb1Connection.class);
    /** NT LM 0.12 with CAP_LARGE_WRITEX: a WRITE_ANDX of up to 16 MiB plus headers. */
    static final int MAX_FRAME = 16 * 1024 * 1024 + 4096;

    private final Smb1Services services;
    private final String peer;

    public Smb1Connection(Smb1Services services, String peer) {
        this.services = services;
        this.peer = peer;
    }

    /**
     * True when {@code frame} is an SMB1 NEGOTIATE this server answers in SMB1 ([MS-SMB2] 3.3.5.3): NT1 is
     * allowed ({@code server min protocol = NT1}), the client offers "NT LM 0.12", and no SMB2 dialect the
     * client offers is allowed (then the SMB2 dispatcher upgrades the connection, as Windows does).
     */
    public static boolean takesOver(ServerConfig config, byte[] frame) {
        if (frame.length < 4 || (frame[0] & 0xFF) != 0xFF || frame[1] != 'S' || frame[2] != 'M' || frame[3] != 'B') {
            return false;
        }
        if (config.minProtocol() != ProtocolLevel.NT1) {
            return false;
        }
        List<String> dialects;
        try {
            List<Smb1Message> ms = Smb1Messages.decode(frame);
            if (ms.isEmpty() || !(ms.get(0) instanceof NegotiateRequest n)) {
                return false;
            }
            dialects = n.dialects();
        } catch (Smb1DecodeException e) {
            return false;
        }
        if (!dialects.contains(NegotiateRequest.NT_LM_0_12)) {
            return false;
        }
        int max = config.maxProtocol().dialect();
        boolean smb2 = (dialects.contains(NegotiateRequest.SMB_2_WILDCARD) && max >= 0x0210)
                || (dialects.contains(NegotiateRequest.SMB_2_002) && max >= 0x0202);
        return !smb2;
    }

    /**
     * Serves the connection until it ends; {@code first} is the NEGOTIATE already read. This thread reads the frames;
     * each request is answered on a virtual thread of its own once the previous one has completed or gone pending
     * ({@link Smb1Requests}); responses and oplock breaks are written under one lock. When the connection ends,
     * pending requests are cancelled and every tree is closed.
     */
    public void serve(byte[] first, InputStream in, OutputStream out) throws IOException {
        Smb1Dispatcher d = new Smb1Dispatcher(services, peer);
        ReentrantLock writeLock = new ReentrantLock();
        Smb1Oplocks.Sink sink = m -> {
            writeLock.lock();
            try {
                write(out, m);
            } finally {
                writeLock.unlock();
            }
        };
        d.oplocks.sink(sink);
        try {
            byte[] frame = first;
            while (frame != null) {
                d.requests.acquire(null);
                Smb1Exchange x;
                try {
                    x = d.arrive(frame);
                } catch (Smb1Dispatcher.Drop e) {
                    d.requests.release();
                    LOG.debug("dropping SMB1 connection from {}: {}", peer, e.getMessage());
                    return;
                } catch (RuntimeException e) {
                    d.requests.release();
                    LOG.warn("internal error on an SMB1 frame from {}; dropping the connection", peer, e);
                    return;
                }
                if (x == null) {
                    d.requests.release();
                } else {
                    Thread.ofVirtual().name("smb1-req").start(() -> answer(d, x, sink, out));
                }
                frame = null;
                while (frame == null) {
                    try {
                        frame = read(in);
                        if (frame == null) {
                            return;
                        }
                    } catch (java.net.SocketTimeoutException idle) {
                        // the listener's idle timeout: a connection with a tree connected stays
                        if (!d.hasTrees()) {
                            LOG.debug("SMB1 connection from {} idle, closed", peer);
                            return;
                        }
                    }
                }
            }
        } finally {
            d.requests.acquire(null);
            try {
                d.requests.closeAll();
                d.close();
            } finally {
                d.requests.release();
            }
        }
    }

    /** Answers one request (the turn is held: {@link Smb1Dispatcher#arrive} handed it over) and gives the turn back. */
    private void answer(Smb1Dispatcher d, Smb1Exchange x, Smb1Oplocks.Sink sink, OutputStream out) {
        d.requests.acquireHandedOver(x);
        try {
            for (byte[] r : d.answer(x)) {
                sink.send(r);
            }
        } catch (Smb1Dispatcher.Drop e) {
            LOG.debug("dropping SMB1 connection from {}: {}", peer, e.getMessage());
            closeQuietly(out);
        } catch (IOException e) {
            LOG.debug("SMB1 connection from {}: {}", peer, e.toString());
            closeQuietly(out);
        } catch (RuntimeException e) {
            LOG.warn("internal error on an SMB1 request from {}; dropping the connection", peer, e);
            closeQuietly(out);
        } finally {
            d.requests.release();
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    static byte[] read(InputStream in) throws IOException {
        while (true) {
            byte[] h = in.readNBytes(4);
            if (h.length == 0) {
                return null;
            }
            if (h.length < 4) {
                throw new EOFException("truncated frame header");
            }
            int type = h[0] & 0xFF;
            int length = (h[1] & 0xFF) << 16 | (h[2] & 0xFF) << 8 | (h[3] & 0xFF);
            if (type == 0x85 && length == 0) {
                continue;
            }
            if (type != 0 || length > MAX_FRAME) {
                throw new IOException(String.format("frame type 0x%02x, length %d", type, length));
            }
            byte[] f = in.readNBytes(length);
            if (f.length < length) {
                throw new EOFException("truncated frame");
            }
            return f;
        }
    }

    static void write(OutputStream out, byte[] m) throws IOException {
        byte[] h = {0, (byte) (m.length >>> 16), (byte) (m.length >>> 8), (byte) m.length};
        out.write(h);
        out.write(m);
        out.flush();
    }
}
