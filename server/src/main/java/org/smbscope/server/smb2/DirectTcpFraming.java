package org.smbscope.server.smb2;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * SMB over direct TCP ([MS-SMB2] 2.1 Transport): each message is preceded by a zero byte and a 24-bit
 * big-endian length. The length is checked against the limit before anything is allocated.
 * NetBIOS session service keep-alives (type 0x85) are skipped so port 139 framing can share this reader.
 */
final class DirectTcpFraming {
    private final int maxFrameSize;

    DirectTcpFraming(int maxFrameSize) {
        this.maxFrameSize = maxFrameSize;
    }

    /** The next frame's bytes, or null at a clean end of stream before a header. */
    byte[] read(InputStream in) throws IOException {
        while (true) {
            int type = in.read();
            if (type < 0) {
                return null;
            }
            byte[] len = in.readNBytes(3);
            if (len.length < 3) {
                throw new EOFException("truncated frame header");
            }
            int length = ((len[0] & 0xff) << 16) | ((len[1] & 0xff) << 8) | (len[2] & 0xff);
            if (type == 0x85 && length == 0) {
                continue;
            }
            if (type != 0x00) {
                throw new IOException(String.format("unexpected frame type 0x%02x", type));
            }
            if (length > maxFrameSize) {
                throw new FrameTooLargeException(length, maxFrameSize);
            }
            byte[] frame = in.readNBytes(length);
            if (frame.length < length) {
                throw new EOFException("truncated frame: " + frame.length + " of " + length + " bytes");
            }
            return frame;
        }
    }

    /** Writes one frame (caller holds the connection's write lock). */
    static void write(OutputStream out, byte[] message) throws IOException {
        if (message.length > 0xFFFFFF) {
            throw new IOException("message too large for direct TCP framing: " + message.length);
        }
        byte[] header = {0, (byte) (message.length >>> 16), (byte) (message.length >>> 8), (byte) message.length};
        out.write(header);
        out.write(message);
        out.flush();
    }
}
