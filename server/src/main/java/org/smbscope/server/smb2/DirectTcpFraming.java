package org.smbscope.server.smb2;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import org.smbscope.codec.netbios.NetbiosDecodeException;

/**
 * SMB over direct TCP ([MS-SMB2] 2.1 Transport): each message is preceded by a zero byte and a 24-bit
 * big-endian length. The length is checked against the limit before anything is allocated.
 * NetBIOS session service keep-alives (type 0x85) are skipped so port 139 framing can share this reader.
 */
final class DirectTcpFraming {
    /** The header layout itself is the codec's ({@code codec.netbios.DirectTcpFraming}). */
    private static final org.smbscope.codec.netbios.DirectTcpFraming HEADER = org.smbscope.codec.netbios.DirectTcpFraming.DEFAULT;

    /** How much of a message goes out with its header (copied: small messages leave in one write). */
    private static final int FIRST_WRITE = 64 * 1024;

    private final int maxFrameSize;

    DirectTcpFraming(int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    /** The next frame's bytes, or null at a clean end of stream before a header. */
    byte[] read(InputStream in) throws IOException {
        int length = readLength(in);
        return length < 0 ? null : readBody(in, length);
    }

    /**
     * The length of the next frame from its header (checked against the limit; NetBIOS keep-alives skipped), or -1
     * at a clean end of stream before a header. The body follows: {@link #readBody(InputStream, int)} or
     * {@link #readBody(ReadableByteChannel, ByteBuffer, int)}.
     */
    int readLength(InputStream in) throws IOException {
        while (true) {
            byte[] header = in.readNBytes(HEADER.HEADER_LENGTH);
            if (header.length == 0) {
                return -1;
            }
            if (header.length < HEADER.HEADER_LENGTH) {
                throw new EOFException("truncated frame header");
            }
            int type = header[0] & 0xff;
            if (type == 0x85 && header[1] == 0 && header[2] == 0 && header[3] == 0) {
                continue; // NetBIOS keep-alive
            }
            if (type != 0x00) {
                throw new IOException(String.format("unexpected frame type 0x%02x", type));
            }
            int length;
            try {
                length = HEADER.decodeLength(header);
            } catch (NetbiosDecodeException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (length > maxFrameSize) {
                throw new FrameTooLargeException(length, maxFrameSize);
            }
            return length;
        }
    }

    /** The {@code length} bytes of a frame's body (length from {@link #readLength}). */
    static byte[] readBody(InputStream in, int length) throws IOException {
        // one array of the checked length, filled by large reads (InputStream.readNBytes reads 16 KiB at a
        // time into a list and copies it: measured 2x slower for 8 MiB WRITEs); the length is bounded by
        // maxFrameSize, and the reader holds one frame at a time
        byte[] frame = new byte[length];
        int at = 0;
        while (at < length) {
            int n = in.read(frame, at, length - at);
            if (n < 0) {
                throw new EOFException("truncated frame: " + at + " of " + length + " bytes");
            }
            at += n;
        }
        return frame;
    }

    /**
     * Clears {@code into} (its capacity is at least {@code length}: the caller's buffers hold a largest frame) for a
     * frame's body of {@code length} bytes, and moves in what {@code ahead} (may be null) holds of it; {@link #fill}
     * reads the rest straight from the socket (with a direct buffer, nothing is copied on the way).
     */
    static void begin(ReadAhead ahead, ByteBuffer into, int length) {
        into.clear().limit(length);
        if (ahead != null) {
            ahead.drainTo(into);
        }
    }

    /**
     * Reads from {@code in} into {@code into} until its position is at least {@code upTo} (not beyond its limit, the
     * end of the frame; one read takes all that has arrived up to there).
     */
    static void fill(ReadableByteChannel in, ByteBuffer into, int upTo) throws IOException {
        while (into.position() < upTo) {
            if (in.read(into) < 0) {
                throw new EOFException("truncated frame: " + into.position() + " of " + into.limit() + " bytes");
            }
        }
    }

    /** Writes one frame (caller holds the connection's write lock). */
    static void write(OutputStream out, byte[] message) throws IOException {
        if (message.length > org.smbscope.codec.netbios.DirectTcpFraming.MAX_LENGTH) {
            throw new IOException("message too large for direct TCP framing: " + message.length);
        }
        // header and the first bytes in one write: with TCP_NODELAY a lone 4-byte header would leave as a
        // segment of its own (and cost a system call); the rest of a large message follows without a copy
        byte[] header = HEADER.header(message.length);
        int first = Math.min(message.length, FIRST_WRITE);
        byte[] head = new byte[header.length + first];
        System.arraycopy(header, 0, head, 0, header.length);
        System.arraycopy(message, 0, head, header.length, first);
        out.write(head);
        if (first < message.length) {
            out.write(message, first, message.length - first);
        }
        out.flush();
    }
}
