package org.smbscope.client.transport;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;

/** The 4-byte frame header shared by direct TCP and the NetBIOS session service: type + 24-bit length. */
final class FrameIo {
    static final int KEEPALIVE = 0x85;

    private FrameIo() {
    }

    static void write(OutputStream out, int type, byte[] body) throws IOException {
        if (body.length > TransportConfig.MAX_DIRECT_FRAME) {
            throw new IOException("frame of " + body.length + " bytes does not fit a 24-bit length");
        }
        out.write(type);
        out.write(body.length >>> 16);
        out.write(body.length >>> 8);
        out.write(body.length);
        // header and the first bytes leave together: a large body alone would flush the 4-byte
        // header as its own segment (TCP_NODELAY), then bypass the buffer
        int first = Math.min(body.length, SocketStreams.BUFFER - 4);
        out.write(body, 0, first);
        out.write(body, first, body.length - first);
        out.flush();
    }

    /**
     * Writes one frame whose body is {@code head} followed by {@code tail}: without copying the
     * tail when it is a direct buffer and the socket can gather, else joined into one array.
     */
    static void write(SocketStreams streams, int type, byte[] head, ByteBuffer tail) throws IOException {
        int length = head.length + tail.remaining();
        if (length > TransportConfig.MAX_DIRECT_FRAME) {
            throw new IOException("frame of " + length + " bytes does not fit a 24-bit length");
        }
        if (!streams.gathers() || !tail.isDirect()) {
            byte[] body = java.util.Arrays.copyOf(head, length);
            tail.duplicate().get(body, head.length, tail.remaining());
            write(streams.out, type, body);
            return;
        }
        streams.writeGathering(framed(type, length, head), tail.duplicate());
    }

    /** Writes one frame whose body is {@code head} then {@code count} bytes of {@code file} from {@code position}. */
    static void write(SocketStreams streams, int type, byte[] head, java.nio.channels.FileChannel file, long position,
            int count) throws IOException {
        int length = head.length + count;
        if (length > TransportConfig.MAX_DIRECT_FRAME) {
            throw new IOException("frame of " + length + " bytes does not fit a 24-bit length");
        }
        streams.writeFile(framed(type, length, head), file, position, count);
    }

    /** The 4-byte frame header (type and 24-bit length of the whole body) followed by {@code head}. */
    private static byte[] framed(int type, int length, byte[] head) {
        byte[] framed = new byte[4 + head.length];
        framed[0] = (byte) type;
        framed[1] = (byte) (length >>> 16);
        framed[2] = (byte) (length >>> 8);
        framed[3] = (byte) length;
        System.arraycopy(head, 0, framed, 4, head.length);
        return framed;
    }

    /** The type byte of the next frame; EOF before it is a clean close. */
    static int readType(DataInputStream in) throws IOException {
        int type = in.read();
        if (type < 0) {
            throw new EOFException("connection closed by peer");
        }
        return type;
    }

    static byte[] readBody(DataInputStream in, int max) throws IOException {
        return readBody(in, max, null);
    }

    /** The next frame's body, in an array from {@code pool} when there is one. */
    static byte[] readBody(DataInputStream in, int max, FramePool pool) throws IOException {
        int length = (in.readUnsignedByte() << 16) | (in.readUnsignedByte() << 8) | in.readUnsignedByte();
        if (length > max) {
            throw new FrameTooLargeException(length, max);
        }
        byte[] body = pool == null ? new byte[length] : pool.take(length);
        in.readFully(body);
        return body;
    }
}
