package org.smbscope.trace.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits one direction of a reassembled SMB stream into messages: a 4-byte header with a type
 * byte and a length (NetBIOS session service, RFC 1002 4.3.1: type, flags bit 0 extends the
 * length to 17 bits; direct TCP, [MS-SMB2] 2.1: zero byte and a 24-bit length). The header is
 * kept with each frame so a decoder can tell session requests and keepalives from messages.
 */
public final class SessionFramer {
    private final int maxFrame;
    private byte[] buffer = new byte[0];
    private int length;

    public SessionFramer(int maxFrame) {
        this.maxFrame = maxFrame;
    }

    /** A complete frame: the 4-byte header's type and the payload after it. */
    public record Frame(int type, byte[] payload) {
    }

    /** Appends stream bytes and returns the frames they complete. */
    public List<Frame> accept(byte[] data) throws CaptureDecodeException {
        if (length + data.length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + data.length));
        }
        System.arraycopy(data, 0, buffer, length, data.length);
        length += data.length;
        List<Frame> out = new ArrayList<>();
        int pos = 0;
        while (length - pos >= 4) {
            int type = buffer[pos] & 0xFF;
            int len = ((buffer[pos + 1] & 0xFF) << 16) | ((buffer[pos + 2] & 0xFF) << 8) | (buffer[pos + 3] & 0xFF);
            if (type != 0) {
                len &= 0x1FFFF; // NBSS control packets: 17-bit length
            }
            if (len > maxFrame) {
                throw new CaptureDecodeException("session length", pos, "frame length " + len + " over the limit " + maxFrame);
            }
            if (length - pos - 4 < len) {
                break;
            }
            out.add(new Frame(type, Arrays.copyOfRange(buffer, pos + 4, pos + 4 + len)));
            pos += 4 + len;
        }
        if (pos > 0) {
            System.arraycopy(buffer, pos, buffer, 0, length - pos);
            length -= pos;
        }
        return out;
    }

    /** Bytes waiting for the rest of their frame. */
    public int buffered() {
        return length;
    }

}
