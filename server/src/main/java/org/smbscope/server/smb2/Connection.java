package org.smbscope.server.smb2;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.codec.smb2.ErrorResponse;
import org.smbscope.codec.smb2.NegotiateRequest;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2DecodeException;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.Smb2Message;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.status.NtStatus;

/**
 * One client connection: a reader loop on the connection's own virtual thread, responses written under
 * the connection's lock. So far only NEGOTIATE is implemented; every later command is answered
 * STATUS_NOT_SUPPORTED, and a first message that is not NEGOTIATE (or does not decode) drops the connection.
 */
final class Connection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    private final Socket socket;
    private final DirectTcpFraming framing;
    private final NegotiateHandler negotiate;
    private final ReentrantLock writeLock = new ReentrantLock();
    private NegotiateOutcome negotiated;

    Connection(Socket socket, ServerLimits limits, NegotiateHandler negotiate) {
        this.socket = socket;
        this.framing = new DirectTcpFraming(limits.maxFrameSize());
        this.negotiate = negotiate;
    }

    @Override
    public void run() {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] frame;
            while ((frame = framing.read(in)) != null) {
                if (!handle(frame, out)) {
                    break;
                }
            }
        } catch (IOException e) {
            LOG.debug("connection from {} closed: {}", socket.getRemoteSocketAddress(), e.toString());
        }
    }

    /** Handles one frame; false drops the connection. */
    private boolean handle(byte[] frame, OutputStream out) throws IOException {
        Smb2Packet packet;
        try {
            packet = Smb2Codec.decode(frame);
        } catch (Smb2DecodeException e) {
            LOG.debug("undecodable message from {}: {}", socket.getRemoteSocketAddress(), e.getMessage());
            return false;
        }
        Smb2Header h = packet.header();
        if (negotiated == null) {
            if (!(packet.message() instanceof NegotiateRequest req)) {
                return false;
            }
            try {
                negotiated = negotiate.handle(req);
                send(out, Smb2Header.responseTo(h, NtStatus.SUCCESS, 1), negotiated.response());
                return true;
            } catch (NegotiateHandler.Refused r) {
                send(out, Smb2Header.responseTo(h, new NtStatus(r.status), 1), ErrorResponse.empty(h.command()));
                return false;
            }
        }
        send(out, Smb2Header.responseTo(h, NtStatus.NOT_SUPPORTED, 1), ErrorResponse.empty(h.command()));
        return true;
    }

    private void send(OutputStream out, Smb2Header header, Smb2Message message) throws IOException {
        byte[] bytes = Smb2Codec.encode(header, message);
        writeLock.lock();
        try {
            DirectTcpFraming.write(out, bytes);
        } finally {
            writeLock.unlock();
        }
    }
}
