package org.smbscope.codec.smb2;

import java.util.ArrayList;
import java.util.List;

import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * Encodes and decodes SMB2 messages ([MS-SMB2] 2.2): header + body, single or compounded.
 *
 * <p>A response whose status is a failure and whose body is the 9-byte ERROR structure decodes to
 * {@link ErrorResponse}; the exceptions of 3.3.4.4 (MORE_PROCESSING_REQUIRED for SESSION_SETUP,
 * BUFFER_OVERFLOW with a regular body for READ/IOCTL/QUERY_INFO/...) decode to the command's own
 * response record, decided by StructureSize.
 */
public final class Smb2Codec {
    /** ProtocolId bytes of an SMB2 message, a transform header and a compression transform header. */
    public static final int SMB2_MAGIC = 0xFE534D42;
    public static final int TRANSFORM_MAGIC = 0xFD534D42;
    public static final int COMPRESSION_MAGIC = 0xFC534D42;
    public static final int SMB1_MAGIC = 0xFF534D42;

    /** What a frame starts with. */
    public enum FrameKind { SMB2, TRANSFORM, COMPRESSED, SMB1, UNKNOWN }

    private Smb2Codec() {
    }

    public static FrameKind kind(byte[] frame, int offset, int length) {
        if (length < 4 || offset < 0 || offset > frame.length - 4) {
            return FrameKind.UNKNOWN;
        }
        int magic = ((frame[offset] & 0xFF) << 24) | ((frame[offset + 1] & 0xFF) << 16)
                | ((frame[offset + 2] & 0xFF) << 8) | (frame[offset + 3] & 0xFF);
        return switch (magic) {
            case SMB2_MAGIC -> FrameKind.SMB2;
            case TRANSFORM_MAGIC -> FrameKind.TRANSFORM;
            case COMPRESSION_MAGIC -> FrameKind.COMPRESSED;
            case SMB1_MAGIC -> FrameKind.SMB1;
            default -> FrameKind.UNKNOWN;
        };
    }

    public static FrameKind kind(byte[] frame) {
        return kind(frame, 0, frame.length);
    }

    /** Encodes one message; the header's NextCommand is written as given. */
    public static byte[] encode(Smb2Header header, Smb2Message message) {
        if (message instanceof ReadResponse r && r.frame() != null && header.command().equals(Smb2Command.READ)) {
            byte[] frame = r.frame(); // ReadResponse.inFrame: the data is in place, write what goes before it
            WireWriter w = new WireWriter(ReadResponse.DATA_OFFSET);
            header.write(w);
            r.writeFixed(w);
            System.arraycopy(w.toByteArray(), 0, frame, 0, ReadResponse.DATA_OFFSET);
            return frame;
        }
        WireWriter w = new WireWriter(Smb2Header.SIZE + message.bodyLengthHint());
        write(w, header, message);
        return w.toByteArray();
    }

    public static byte[] encode(Smb2Packet packet) {
        return encode(packet.header(), packet.message());
    }

    /** Writes header and body at the writer's current position. */
    public static void write(WireWriter w, Smb2Header header, Smb2Message message) {
        if (!header.command().equals(message.command())) {
            throw new IllegalArgumentException("header command " + header.command().name() + " but body "
                    + message.command().name());
        }
        int start = w.size();
        header.write(w);
        message.writeBody(w, start);
    }

    /** Encodes a compound chain (see {@link Smb2Compound#join}). */
    public static byte[] encodeCompound(List<Smb2Packet> packets) {
        List<byte[]> parts = new ArrayList<>(packets.size());
        for (Smb2Packet p : packets) {
            parts.add(encode(p.header().withNextCommand(0), p.message()));
        }
        return Smb2Compound.join(parts);
    }

    public static Smb2Packet decode(byte[] frame) throws Smb2DecodeException {
        return decode(frame, 0, frame.length);
    }

    /**
     * Decodes the message at {@code frame[offset, offset+length)}. If the header's NextCommand is not
     * 0 only the first message (NextCommand bytes) is decoded; use {@link #decodeAll} for compounds.
     */
    public static Smb2Packet decode(byte[] frame, int offset, int length) throws Smb2DecodeException {
        if (offset < 0 || length < 0 || offset > frame.length - length) {
            throw new IllegalArgumentException("window outside array");
        }
        checkKind(frame, offset, length);
        try {
            WireReader whole = WireReader.of(frame, offset, length, Smb2DecodeException::new);
            Smb2Header header = Smb2Header.read(whole);
            int messageLength = length;
            if (header.nextCommand() != 0) {
                long next = header.nextCommand() & 0xFFFFFFFFL;
                if (next < Smb2Header.SIZE || next > length) {
                    throw whole.failAt("NextCommand", 20, "next command offset " + next + " outside 64.." + length);
                }
                messageLength = (int) next;
            }
            WireReader message = WireReader.of(frame, offset, messageLength, Smb2DecodeException::new);
            message.seek("Body", Smb2Header.SIZE);
            Body body = new Body(frame, offset, message, header);
            Smb2Message m = readBody(body);
            return new Smb2Packet(header, m, offset, messageLength);
        } catch (Smb2DecodeException e) {
            throw e;
        } catch (DecodeException e) {
            throw new Smb2DecodeException(e.field(), e.offset(), e.detail());
        }
    }

    /** Splits a compound frame and decodes every message. */
    public static List<Smb2Packet> decodeAll(byte[] frame) throws Smb2DecodeException {
        return decodeAll(frame, 0, frame.length);
    }

    public static List<Smb2Packet> decodeAll(byte[] frame, int offset, int length) throws Smb2DecodeException {
        checkKind(frame, offset, length);
        List<Smb2Packet> out = new ArrayList<>();
        for (Smb2Compound.Part p : Smb2Compound.split(frame, offset, length)) {
            out.add(decode(frame, p.offset(), p.length()));
        }
        return out;
    }

    private static void checkKind(byte[] frame, int offset, int length) throws Smb2DecodeException {
        switch (kind(frame, offset, length)) {
            case SMB2 -> { }
            case COMPRESSED -> throw new Smb2DecodeException("ProtocolId", 0,
                    "compressed messages (COMPRESSION_TRANSFORM_HEADER 0xfc 'SMB') are not supported");
            case TRANSFORM -> throw new Smb2DecodeException("ProtocolId", 0,
                    "encrypted message (TRANSFORM_HEADER 0xfd 'SMB'): decrypt it first");
            case SMB1 -> throw new Smb2DecodeException("ProtocolId", 0, "an SMB1 message (0xff 'SMB'), not SMB2");
            default -> throw new Smb2DecodeException("ProtocolId", 0,
                    length < 4 ? "frame of " + length + " bytes is too short for a ProtocolId"
                            : "not an SMB2 message (ProtocolId is not 0xfe 'SMB')");
        }
    }

    /** Peeks the body's StructureSize (without moving the reader). */
    private static int peekStructureSize(Body b) throws DecodeException {
        int at = b.r.position();
        int size = b.r.u16le("StructureSize");
        b.r.seek("StructureSize", at);
        return size;
    }

    private static Smb2Message readBody(Body b) throws DecodeException {
        Smb2Header h = b.header;
        int cmd = h.command().value();
        if (!h.command().isKnown() || cmd == Smb2Command.SERVER_TO_CLIENT_NOTIFICATION.value()) {
            return new UnknownMessage(h.command(), b.r.rest());
        }
        if (!h.isResponse()) {
            return readRequest(b, cmd);
        }
        NtStatus status = h.status();
        if (!status.equals(NtStatus.SUCCESS)) {
            int size = peekStructureSize(b);
            // SESSION_SETUP, QUERY_DIRECTORY, CHANGE_NOTIFY and QUERY_INFO responses are also 9 bytes:
            // there only MORE_PROCESSING_REQUIRED (session setup) and BUFFER_OVERFLOW (partial data)
            // keep the command's own layout.
            boolean regular = (cmd == 1 && status.equals(NtStatus.MORE_PROCESSING_REQUIRED))
                    || (cmd != 1 && status.equals(NtStatus.BUFFER_OVERFLOW));
            if (size == ErrorResponse.STRUCTURE_SIZE && !regular && errorByteCountFits(b)) {
                return ErrorResponse.read(b);
            }
        }
        return readResponse(b, cmd);
    }

    /**
     * A failed SESSION_SETUP may also carry the command's own 9-byte body: impacket answers a bad
     * logon that way, with a SPNEGO reject blob. The error form is taken only when its ByteCount
     * fits the message; otherwise the body is read as the command's response.
     */
    private static boolean errorByteCountFits(Body b) throws DecodeException {
        if (b.r.length() < Smb2Header.SIZE + 8) {
            return true;
        }
        WireReader r = b.r.slice("ByteCount", Smb2Header.SIZE + 4, b.r.length() - Smb2Header.SIZE - 4);
        return r.u32le("ByteCount") <= r.remaining();
    }

    private static Smb2Request readRequest(Body b, int cmd) throws DecodeException {
        return switch (cmd) {
            case 0x00 -> NegotiateRequest.read(b);
            case 0x01 -> SessionSetupRequest.read(b);
            case 0x02 -> LogoffRequest.read(b);
            case 0x03 -> TreeConnectRequest.read(b);
            case 0x04 -> TreeDisconnectRequest.read(b);
            case 0x05 -> CreateRequest.read(b);
            case 0x06 -> CloseRequest.read(b);
            case 0x07 -> FlushRequest.read(b);
            case 0x08 -> ReadRequest.read(b);
            case 0x09 -> WriteRequest.read(b);
            case 0x0A -> LockRequest.read(b);
            case 0x0B -> IoctlRequest.read(b);
            case 0x0C -> CancelRequest.read(b);
            case 0x0D -> EchoRequest.read(b);
            case 0x0E -> QueryDirectoryRequest.read(b);
            case 0x0F -> ChangeNotifyRequest.read(b);
            case 0x10 -> QueryInfoRequest.read(b);
            case 0x11 -> SetInfoRequest.read(b);
            case 0x12 -> peekStructureSize(b) == LeaseBreakAcknowledgment.STRUCTURE_SIZE
                    ? LeaseBreakAcknowledgment.read(b) : OplockBreak.read(b);
            default -> new UnknownMessage(b.header.command(), b.r.rest());
        };
    }

    private static Smb2Response readResponse(Body b, int cmd) throws DecodeException {
        return switch (cmd) {
            case 0x00 -> NegotiateResponse.read(b);
            case 0x01 -> SessionSetupResponse.read(b);
            case 0x02 -> LogoffResponse.read(b);
            case 0x03 -> TreeConnectResponse.read(b);
            case 0x04 -> TreeDisconnectResponse.read(b);
            case 0x05 -> CreateResponse.read(b);
            case 0x06 -> CloseResponse.read(b);
            case 0x07 -> FlushResponse.read(b);
            case 0x08 -> ReadResponse.read(b);
            case 0x09 -> WriteResponse.read(b);
            case 0x0A -> LockResponse.read(b);
            case 0x0B -> IoctlResponse.read(b);
            case 0x0D -> EchoResponse.read(b);
            case 0x0E -> QueryDirectoryResponse.read(b);
            case 0x0F -> ChangeNotifyResponse.read(b);
            case 0x10 -> QueryInfoResponse.read(b);
            case 0x11 -> SetInfoResponse.read(b);
            case 0x12 -> switch (peekStructureSize(b)) {
                case LeaseBreakNotification.STRUCTURE_SIZE -> LeaseBreakNotification.read(b);
                case LeaseBreakAcknowledgment.STRUCTURE_SIZE -> LeaseBreakAcknowledgment.read(b);
                default -> OplockBreak.read(b);
            };
            case 0x0C -> throw b.r.fail("Command", "CANCEL has no response");
            default -> new UnknownMessage(b.header.command(), b.r.rest());
        };
    }
}
