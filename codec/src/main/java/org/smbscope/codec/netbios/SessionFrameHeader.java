package org.smbscope.codec.netbios;

import java.util.Objects;

/**
 * The 4-byte header of every session service packet, RFC 1002 4.3.1: TYPE, FLAGS (bit 0 is the
 * length extension E, the 17th bit of the length; the others are reserved) and LENGTH, the number
 * of bytes that follow the header (0 to 131071).
 */
public record SessionFrameHeader(SessionPacketType type, int flags, int length) {
    public static final int LENGTH = 4;
    public static final int MAX_LENGTH = 0x1FFFF;

    public SessionFrameHeader {
        Objects.requireNonNull(type, "type");
        if (flags < 0 || flags > 0xFF) {
            throw new IllegalArgumentException("flags must be 8 bits");
        }
        if (length < 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException("length must be 0..131071: " + length);
        }
        if (((flags & 1) != 0) != (length > 0xFFFF)) {
            flags = (flags & 0xFE) | (length > 0xFFFF ? 1 : 0);
        }
    }

    public static SessionFrameHeader of(SessionPacketType type, int length) {
        return new SessionFrameHeader(type, length > 0xFFFF ? 1 : 0, length);
    }

    /** The header's 4 bytes. */
    public byte[] encode() {
        return new byte[] {(byte) type.value(), (byte) flags, (byte) (length >>> 8), (byte) length};
    }

    /** Length of the whole frame, header included. */
    public int frameLength() {
        return LENGTH + length;
    }
}
