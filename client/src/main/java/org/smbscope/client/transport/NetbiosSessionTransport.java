package org.smbscope.client.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Locale;
import org.smbscope.codec.netbios.NegativeSessionResponse;
import org.smbscope.codec.netbios.NetbiosDecodeException;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.PositiveSessionResponse;
import org.smbscope.codec.netbios.RetargetSessionResponse;
import org.smbscope.codec.netbios.SessionFrameCodec;
import org.smbscope.codec.netbios.SessionFrameHeader;
import org.smbscope.codec.netbios.SessionPacket;
import org.smbscope.codec.netbios.SessionPacketType;
import org.smbscope.codec.netbios.SessionRequest;

/**
 * RFC 1002 4.3 NetBIOS session service on port 139: a SESSION REQUEST with the called and
 * calling names (encoded and the answer decoded by {@code codec.netbios}), then SESSION MESSAGEs
 * carrying SMB frames.
 */
public final class NetbiosSessionTransport implements Transport {
    public static final int DEFAULT_PORT = 139;
    static final int SESSION_MESSAGE = 0x00;

    private final SocketStreams streams;
    private final int maxFrameSize;
    private final FramePool pool = new FramePool();

    private NetbiosSessionTransport(SocketStreams streams, int maxFrameSize) {
        this.streams = streams;
        this.maxFrameSize = maxFrameSize;
    }

    /**
     * Connects and runs the session request. {@code calledName} is the server's NetBIOS name
     * ({@code *SMBSERVER} works with Samba and Windows when it is not known).
     */
    public static NetbiosSessionTransport connect(InetSocketAddress address, String calledName, String callingName,
            TransportConfig config) throws IOException {
        SocketStreams streams = SocketStreams.connect(address, config);
        try {
            SessionRequest request = new SessionRequest(NetbiosName.of(calledName, 0x20), NetbiosName.of(callingName, 0x00));
            streams.out.write(SessionFrameCodec.DEFAULT.encode(request));
            streams.out.flush();
            int type = FrameIo.readType(streams.in);
            byte[] body = FrameIo.readBody(streams.in, 64);
            SessionPacket reply = SessionFrameCodec.DEFAULT.decodeBody(SessionFrameHeader.of(SessionPacketType.of(type), body.length), body);
            return switch (reply) {
                case PositiveSessionResponse ok -> new NetbiosSessionTransport(streams, config.maxFrameSize());
                case NegativeSessionResponse no -> throw new IOException("NetBIOS session refused by " + streams.peer()
                        + ": " + String.format(Locale.ROOT, "0x%02x %s", no.error().value(),
                                no.error().meaning().toLowerCase(Locale.ROOT)));
                case RetargetSessionResponse r -> throw new IOException("NetBIOS session retargeted by " + streams.peer()
                        + " to " + r.address().getHostAddress() + ":" + r.port() + " (not supported)");
                default -> throw new IOException(String.format("unexpected NetBIOS session response type 0x%02x", type));
            };
        } catch (NetbiosDecodeException e) {
            streams.close();
            throw new IOException("malformed NetBIOS session response from " + streams.peer() + ": " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            streams.close();
            throw e;
        }
    }

    @Override
    public void send(byte[] frame) throws IOException {
        FrameIo.write(streams.out, SESSION_MESSAGE, frame);
    }

    @Override
    public byte[] receive() throws IOException {
        while (true) {
            int type = FrameIo.readType(streams.in);
            byte[] body = FrameIo.readBody(streams.in, maxFrameSize, pool);
            if (type == SESSION_MESSAGE) {
                return body;
            }
            if (type != FrameIo.KEEPALIVE) {
                throw new IOException(String.format("unexpected NetBIOS session packet type 0x%02x", type));
            }
        }
    }

    @Override
    public void send(byte[] head, ByteBuffer tail) throws IOException {
        FrameIo.write(streams, SESSION_MESSAGE, head, tail);
    }

    @Override
    public byte[] buffer(int length) {
        return pool.take(length);
    }

    @Override
    public void recycle(byte[] frame) {
        pool.give(frame);
    }

    @Override
    public String describe() {
        return "nbss " + streams.peer();
    }

    @Override
    public void close() {
        streams.close();
    }
}
