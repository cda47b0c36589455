package org.smbscope.codec.smb2;

import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * Frames to {@link Smb2Packet}s and back, [MS-SMB2] 3.2.4.1.4 / 3.3.5.2.7 (compounding): a frame
 * (the bytes after the 4-byte transport header) holds one message or a chain linked by
 * NextCommand, each 8-byte aligned. Every NextCommand must move forward and stay inside the frame;
 * each body is decoded within its own message.
 */
public final class Smb2Codec {
    /** The most messages one compound may hold before it is treated as hostile. */
    public static final int MAX_COMPOUND = 128;

    private Smb2Codec() {
    }

    /** Every message of a frame, in order. */
    public static List<Smb2Packet> decode(byte[] frame) throws Smb2DecodeException {
        return decode(frame, 0, frame.length);
    }

    /** Every message of {@code frame[offset, offset+length)}. */
    public static List<Smb2Packet> decode(byte[] frame, int offset, int length) throws Smb2DecodeException {
        List<Smb2Packet> out = new ArrayList<>();
        int start = offset;
        int end = offset + length;
        while (true) {
            if (out.size() >= MAX_COMPOUND) {
                throw new Smb2DecodeException("NextCommand", start - offset, "more than " + MAX_COMPOUND + " compounded messages");
            }
            if (end - start < Smb2Header.SIZE) {
                throw new Smb2DecodeException("SMB2 Header", start - offset, "needs 64 bytes, " + (end - start) + " left");
            }
            int next = nextCommand(frame, start);
            int messageLength;
            if (next == 0) {
                messageLength = end - start;
            } else if (next < Smb2Header.SIZE || (next & 7) != 0 || next > end - start) {
                throw new Smb2DecodeException("NextCommand", start - offset + 20,
                        "NextCommand " + Integer.toUnsignedString(next) + " is not an 8-byte aligned offset past the header inside the "
                                + (end - start) + " bytes left");
            } else {
                messageLength = next;
            }
            out.add(decodeMessage(frame, start, messageLength, start - offset));
            if (next == 0) {
                return out;
            }
            start += next;
        }
    }

    private static int nextCommand(byte[] f, int start) {
        int i = start + 20;
        return (f[i] & 0xFF) | (f[i + 1] & 0xFF) << 8 | (f[i + 2] & 0xFF) << 16 | (f[i + 3] & 0xFF) << 24;
    }

    private static Smb2Packet decodeMessage(byte[] frame, int start, int length, int frameOffset) throws Smb2DecodeException {
        try {
            WireReader r = WireReader.of(frame, start, length, Smb2DecodeException::new);
            Smb2Header header = Smb2Header.read(r);
            Body body = new Body(frame, start, r, header);
            Smb2Message message = header.isResponse() ? response(body) : request(body);
            return new Smb2Packet(header, message, frameOffset, length);
        } catch (Smb2DecodeException e) {
            throw new Smb2DecodeException(e.field(), frameOffset + e.offset(), e.detail());
        } catch (DecodeException e) {
            throw new Smb2DecodeException(e.field(), frameOffset + e.offset(), e.detail());
        }
    }

    private static int structureSize(Body b) throws DecodeException {
        return b.r.remaining() >= 2 ? b.r.slice("StructureSize", Smb2Header.SIZE, 2).u16le("StructureSize") : -1;
    }

    private static Smb2Message request(Body b) throws DecodeException {
        Smb2Command c = b.header.command();
        return switch (c.value()) {
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
            case 0x12 -> structureSize(b) == 36 ? LeaseBreakAcknowledgment.read(b) : OplockBreak.read(b);
            default -> new UnknownMessage(c, b.r.rest());
        };
    }

    /** An error body (StructureSize 9) stands in for the command's own response on failure and for interim replies. */
    private static boolean isErrorBody(Body b) throws DecodeException {
        NtStatus s = b.header.status();
        boolean failure = s.isError() && !(s.equals(NtStatus.MORE_PROCESSING_REQUIRED)
                && b.header.command().equals(Smb2Command.SESSION_SETUP));
        if (!(failure || s.equals(NtStatus.PENDING)) || structureSize(b) != 9) {
            return false;
        }
        // SESSION_SETUP's own response also has StructureSize 9: impacket answers a failed logon with
        // it (and a SPNEGO reject blob). Take the error form only when its ByteCount fits the message.
        WireReader r = b.r.slice("ByteCount", 0, b.r.length());
        if (r.length() < Smb2Header.SIZE + 8) {
            return true;
        }
        r.seek("ByteCount", Smb2Header.SIZE + 4);
        return r.u32le("ByteCount") <= r.remaining();
    }

    private static Smb2Message response(Body b) throws DecodeException {
        if (isErrorBody(b)) {
            return ErrorResponse.read(b);
        }
        Smb2Command c = b.header.command();
        return switch (c.value()) {
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
            case 0x12 -> structureSize(b) == 44 ? LeaseBreakNotification.read(b) : OplockBreak.read(b);
            default -> new UnknownMessage(c, b.r.rest());
        };
    }

    /**
     * Encodes one message or a compound: each header's NextCommand is set to the aligned length of
     * its message (0 for the last); the caller's headers are otherwise written as given.
     */
    public static byte[] encode(List<Smb2Packet> packets) {
        if (packets.isEmpty()) {
            throw new IllegalArgumentException("nothing to encode");
        }
        WireWriter w = new WireWriter(256);
        for (int i = 0; i < packets.size(); i++) {
            Smb2Packet p = packets.get(i);
            int headerStart = w.size();
            w.bytes(p.header().encode());
            p.message().writeBody(w, headerStart);
            if (i < packets.size() - 1) {
                w.align(8);
                w.patchU32le(headerStart + 20, w.size() - headerStart);
            } else {
                w.patchU32le(headerStart + 20, 0);
            }
        }
        return w.toByteArray();
    }

    public static byte[] encode(Smb2Packet packet) {
        return encode(List.of(packet));
    }
}
