package org.smbscope.codec.netbios;

/** ERROR_CODE of a DATAGRAM ERROR packet, RFC 1002 4.4.3. Open: unknown codes keep their number. */
public record DatagramErrorCode(int value) {
    public static final DatagramErrorCode DESTINATION_NAME_NOT_PRESENT = new DatagramErrorCode(0x82);
    public static final DatagramErrorCode INVALID_SOURCE_NAME_FORMAT = new DatagramErrorCode(0x83);
    public static final DatagramErrorCode INVALID_DESTINATION_NAME_FORMAT = new DatagramErrorCode(0x84);

    public DatagramErrorCode {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("error code must be 0..255: " + value);
        }
    }

    public static DatagramErrorCode of(int value) {
        return new DatagramErrorCode(value & 0xFF);
    }

    public String name() {
        return switch (value) {
            case 0x82 -> "DESTINATION_NAME_NOT_PRESENT";
            case 0x83 -> "INVALID_SOURCE_NAME_FORMAT";
            case 0x84 -> "INVALID_DESTINATION_NAME_FORMAT";
            default -> String.format("UNKNOWN(0x%02x)", value);
        };
    }

    public String meaning() {
        return switch (value) {
            case 0x82 -> "Destination name not present";
            case 0x83 -> "Invalid source name format";
            case 0x84 -> "Invalid destination name format";
            default -> String.format("Unknown error code (0x%02x)", value);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
