package org.smbscope.codec.netbios;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * Frames and decodes session service packets (TCP 139), RFC 1002 4.3.1: a 4-byte header (TYPE,
 * FLAGS with the length extension bit, 16-bit LENGTH; 17 bits of length in all), then LENGTH bytes.
 * Pure functions: a transport reads 4 bytes, calls {@link #decodeHeader(byte[])}, reads
 * {@link SessionFrameHeader#length()} more bytes and calls {@link #decodeBody}; or it lets
 * {@link #decode(ByteBuffer)} cut frames out of a receive buffer.
 *
 * <p>{@code maxLength} bounds the accepted LENGTH (a frame announcing more is a decode error
 * before anything is allocated); the protocol maximum is 131071.
 */
public final class SessionFrameCodec {
    /** A codec accepting any length the protocol allows. */
    public static final SessionFrameCodec DEFAULT = new SessionFrameCodec(SessionFrameHeader.MAX_LENGTH);

    private final int maxLength;

    public SessionFrameCodec(int maxLength) {
        if (maxLength < 0 || maxLength > SessionFrameHeader.MAX_LENGTH) {
            throw new IllegalArgumentException("maxLength must be 0..131071: " + maxLength);
        }
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }

    private static WireReader reader(byte[] b, int off, int len) {
        return WireReader.of(b, off, len, NetbiosDecodeException.errors(NetbiosDecodeException.NBSS));
    }

    /** Decodes the header in the first 4 bytes of {@code header}. */
    public SessionFrameHeader decodeHeader(byte[] header) throws NetbiosDecodeException {
        return decodeHeader(header, 0);
    }

    /** Decodes the header at {@code buf[off..off+4)}. */
    public SessionFrameHeader decodeHeader(byte[] buf, int off) throws NetbiosDecodeException {
        if (off < 0 || off > buf.length) {
            throw new NetbiosDecodeException(NetbiosDecodeException.NBSS, "Header", 0, "offset outside buffer");
        }
        WireReader r = reader(buf, off, Math.min(SessionFrameHeader.LENGTH, buf.length - off));
        try {
            int type = r.u8("Message Type");
            int flags = r.u8("Flags");
            int length = r.u16be("Length") | ((flags & 1) << 16);
            if (length > maxLength) {
                throw r.failAt("Length", 1, "frame length " + length + " exceeds the limit " + maxLength);
            }
            return new SessionFrameHeader(SessionPacketType.of(type), flags, length);
        } catch (DecodeException e) {
            throw NetbiosDecodeException.of(e);
        }
    }

    /** Decodes a packet whose header was read already; {@code body} must hold exactly its length. */
    public SessionPacket decodeBody(SessionFrameHeader header, byte[] body) throws NetbiosDecodeException {
        if (body.length != header.length()) {
            throw new NetbiosDecodeException(NetbiosDecodeException.NBSS, "Length", 2,
                    "header says " + header.length() + " bytes, body has " + body.length);
        }
        WireReader r = WireReader.of(body, NetbiosDecodeException.errors(NetbiosDecodeException.NBSS));
        try {
            return body(header.type(), r);
        } catch (DecodeException e) {
            // offsets in errors are relative to the frame start, header included
            throw new NetbiosDecodeException(NetbiosDecodeException.NBSS, e.field(),
                    e.offset() + SessionFrameHeader.LENGTH, e.detail());
        }
    }

    /** Decodes exactly one frame: header and body, nothing after. */
    public SessionPacket decode(byte[] frame) throws NetbiosDecodeException {
        SessionFrameHeader h = decodeHeader(frame);
        if (frame.length - SessionFrameHeader.LENGTH != h.length()) {
            throw new NetbiosDecodeException(NetbiosDecodeException.NBSS, "Length", 2,
                    "header says " + h.length() + " bytes, " + (frame.length - SessionFrameHeader.LENGTH)
                            + " follow");
        }
        byte[] body = new byte[h.length()];
        System.arraycopy(frame, SessionFrameHeader.LENGTH, body, 0, body.length);
        return decodeBody(h, body);
    }

    /**
     * Length of the complete frame at the buffer's position, or -1 when fewer than 4 bytes are
     * there. Does not move the buffer.
     */
    public int frameLength(ByteBuffer buffer) throws NetbiosDecodeException {
        if (buffer.remaining() < SessionFrameHeader.LENGTH) {
            return -1;
        }
        byte[] h = new byte[SessionFrameHeader.LENGTH];
        buffer.duplicate().get(h);
        return decodeHeader(h).frameLength();
    }

    /**
     * Takes one complete frame from the buffer's position and decodes it, advancing the buffer;
     * returns empty (buffer untouched) when the frame is not complete yet.
     */
    public Optional<SessionPacket> decode(ByteBuffer buffer) throws NetbiosDecodeException {
        int n = frameLength(buffer);
        if (n < 0 || buffer.remaining() < n) {
            return Optional.empty();
        }
        byte[] frame = new byte[n];
        buffer.get(frame);
        return Optional.of(decode(frame));
    }

    private static SessionPacket body(SessionPacketType type, WireReader r) throws DecodeException {
        SessionPacket p = switch (type.value()) {
            case 0x00 -> new SessionMessage(r.rest());
            case 0x81 -> new SessionRequest(NameCodec.read(r, null, "Called name"),
                    NameCodec.read(r, null, "Calling name"));
            case 0x82 -> new PositiveSessionResponse();
            case 0x83 -> new NegativeSessionResponse(SessionError.of(r.u8("Error code")));
            case 0x84 -> new RetargetSessionResponse(Ipv4.of(r.bytes("Retarget IP address", 4)),
                    r.u16be("Retarget port"));
            case 0x85 -> new SessionKeepAlive();
            default -> new UnknownSessionPacket(type, r.rest());
        };
        r.expectEnd(type.description());
        return p;
    }

    /** The whole frame, header included. */
    public byte[] encode(SessionPacket packet) {
        int length = packet.bodyLength();
        if (length > maxLength) {
            throw new IllegalArgumentException("packet body of " + length + " bytes exceeds the limit " + maxLength);
        }
        WireWriter w = new WireWriter(SessionFrameHeader.LENGTH + length);
        w.bytes(SessionFrameHeader.of(packet.type(), length).encode());
        switch (packet) {
            case SessionMessage m -> w.bytes(m.payloadUnsafe());
            case SessionRequest s -> w.bytes(s.called().encode()).bytes(s.calling().encode());
            case PositiveSessionResponse ignored -> { }
            case NegativeSessionResponse n -> w.u8(n.error().value());
            case RetargetSessionResponse t -> w.bytes(t.address().getAddress()).u16be(t.port());
            case SessionKeepAlive ignored -> { }
            case UnknownSessionPacket u -> w.bytes(u.bodyUnsafe());
        }
        return w.toByteArray();
    }

    /** Only the 4-byte header for a session message of this payload length (for scatter writes). */
    public byte[] messageHeader(int payloadLength) {
        if (payloadLength < 0 || payloadLength > maxLength) {
            throw new IllegalArgumentException("payload length " + payloadLength + " outside 0.." + maxLength);
        }
        return SessionFrameHeader.of(SessionPacketType.SESSION_MESSAGE, payloadLength).encode();
    }
}
