package org.smbscope.codec.netbios;

/**
 * Direct-hosted SMB over TCP (port 445) framing, [MS-SMB2] 2.1 and [MS-SMB] 2.1: a 4-byte header,
 * a zero byte then a 24-bit big-endian length of the SMB message that follows. Pure functions;
 * the transport reads the header, asks {@link #decodeLength(byte[])} and reads that many bytes.
 */
public final class DirectTcpFraming {
    public static final int HEADER_LENGTH = 4;
    public static final int MAX_LENGTH = 0xFFFFFF;
    /** A framing accepting any 24-bit length. */
    public static final DirectTcpFraming DEFAULT = new DirectTcpFraming(MAX_LENGTH);

    private final int maxLength;

    public DirectTcpFraming(int maxLength) {
        if (maxLength < 0 || maxLength > MAX_LENGTH) {
            throw new IllegalArgumentException("maxLength must be 0..16777215: " + maxLength);
        }
        this.maxLength = maxLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /** The length announced by the header in {@code header[0..4)}. */
    public int decodeLength(byte[] header) throws NetbiosDecodeException {
        return decodeLength(header, 0);
    }

    /** The length announced by the header at {@code buf[off..off+4)}. */
    public int decodeLength(byte[] buf, int off) throws NetbiosDecodeException {
        if (off < 0 || buf.length - off < HEADER_LENGTH) {
            throw new NetbiosDecodeException("Direct TCP header", 0, "needs 4 bytes");
        }
        if (buf[off] != 0) {
            throw new NetbiosDecodeException("Direct TCP header", 0,
                    String.format("first byte 0x%02x is not zero", buf[off] & 0xFF));
        }
        int length = ((buf[off + 1] & 0xFF) << 16) | ((buf[off + 2] & 0xFF) << 8) | (buf[off + 3] & 0xFF);
        if (length > maxLength) {
            throw new NetbiosDecodeException("Stream protocol length", 1,
                    "message length " + length + " exceeds the limit " + maxLength);
        }
        return length;
    }

    /** The 4-byte header for a message of this length. */
    public byte[] header(int length) {
        if (length < 0 || length > maxLength) {
            throw new IllegalArgumentException("length " + length + " outside 0.." + maxLength);
        }
        return new byte[] {0, (byte) (length >>> 16), (byte) (length >>> 8), (byte) length};
    }

    /** Header followed by the message. */
    public byte[] frame(byte[] message) {
        byte[] out = new byte[HEADER_LENGTH + message.length];
        System.arraycopy(header(message.length), 0, out, 0, HEADER_LENGTH);
        System.arraycopy(message, 0, out, HEADER_LENGTH, message.length);
        return out;
    }

    /** The message of exactly one frame. */
    public byte[] unframe(byte[] frame) throws NetbiosDecodeException {
        int length = decodeLength(frame);
        if (frame.length - HEADER_LENGTH != length) {
            throw new NetbiosDecodeException("Stream protocol length", 1,
                    "header says " + length + " bytes, " + (frame.length - HEADER_LENGTH) + " follow");
        }
        byte[] out = new byte[length];
        System.arraycopy(frame, HEADER_LENGTH, out, 0, length);
        return out;
    }
}
