package org.smbscope.codec.netbios;

/** MSG_TYPE of a datagram service packet, RFC 1002 4.4.1. Open: unknown types keep their number. */
public record DatagramType(int value) {
    public static final DatagramType DIRECT_UNIQUE = new DatagramType(0x10);
    public static final DatagramType DIRECT_GROUP = new DatagramType(0x11);
    public static final DatagramType BROADCAST = new DatagramType(0x12);
    public static final DatagramType ERROR = new DatagramType(0x13);
    public static final DatagramType QUERY_REQUEST = new DatagramType(0x14);
    public static final DatagramType POSITIVE_QUERY_RESPONSE = new DatagramType(0x15);
    public static final DatagramType NEGATIVE_QUERY_RESPONSE = new DatagramType(0x16);

    public DatagramType {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("type must be 0..255: " + value);
        }
    }

    public static DatagramType of(int value) {
        return new DatagramType(value & 0xFF);
    }

    public boolean isData() {
        return value >= 0x10 && value <= 0x12;
    }

    public boolean isQuery() {
        return value >= 0x14 && value <= 0x16;
    }

    public String name() {
        return switch (value) {
            case 0x10 -> "DIRECT_UNIQUE";
            case 0x11 -> "DIRECT_GROUP";
            case 0x12 -> "BROADCAST";
            case 0x13 -> "ERROR";
            case 0x14 -> "QUERY_REQUEST";
            case 0x15 -> "POSITIVE_QUERY_RESPONSE";
            case 0x16 -> "NEGATIVE_QUERY_RESPONSE";
            default -> String.format("UNKNOWN(0x%02x)", value);
        };
    }

    /** Wireshark's wording: "Direct_group datagram", ... */
    public String description() {
        return switch (value) {
            case 0x10 -> "Direct_unique datagram";
            case 0x11 -> "Direct_group datagram";
            case 0x12 -> "Broadcast datagram";
            case 0x13 -> "Datagram error";
            case 0x14 -> "Datagram query request";
            case 0x15 -> "Datagram positive query response";
            case 0x16 -> "Datagram negative query response";
            default -> String.format("Unknown message type (0x%02x)", value);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
