package org.smbscope.codec.netbios;

/** The TYPE byte of a session service packet, RFC 1002 4.3.1. Open: unknown types keep their number. */
public record SessionPacketType(int value) {
    public static final SessionPacketType SESSION_MESSAGE = new SessionPacketType(0x00);
    public static final SessionPacketType SESSION_REQUEST = new SessionPacketType(0x81);
    public static final SessionPacketType POSITIVE_RESPONSE = new SessionPacketType(0x82);
    public static final SessionPacketType NEGATIVE_RESPONSE = new SessionPacketType(0x83);
    public static final SessionPacketType RETARGET_RESPONSE = new SessionPacketType(0x84);
    public static final SessionPacketType KEEP_ALIVE = new SessionPacketType(0x85);

    public SessionPacketType {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("type must be 0..255: " + value);
        }
    }

    public static SessionPacketType of(int value) {
        return new SessionPacketType(value & 0xFF);
    }

    /** SESSION_MESSAGE, SESSION_REQUEST, ..., or UNKNOWN(0x86). */
    public String name() {
        return switch (value) {
            case 0x00 -> "SESSION_MESSAGE";
            case 0x81 -> "SESSION_REQUEST";
            case 0x82 -> "POSITIVE_RESPONSE";
            case 0x83 -> "NEGATIVE_RESPONSE";
            case 0x84 -> "RETARGET_RESPONSE";
            case 0x85 -> "KEEP_ALIVE";
            default -> String.format("UNKNOWN(0x%02x)", value);
        };
    }

    /** Wireshark's wording: "Session message", "Session request", ... */
    public String description() {
        return switch (value) {
            case 0x00 -> "Session message";
            case 0x81 -> "Session request";
            case 0x82 -> "Positive session response";
            case 0x83 -> "Negative session response";
            case 0x84 -> "Retarget session response";
            case 0x85 -> "Session keep-alive";
            default -> String.format("Unknown packet type (0x%02x)", value);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
