package org.smbscope.codec.netbios;

/**
 * The ERROR_CODE of a NEGATIVE SESSION RESPONSE, RFC 1002 4.3.4. Open: unknown codes keep their
 * number.
 */
public record SessionError(int value) {
    public static final SessionError NOT_LISTENING_ON_CALLED_NAME = new SessionError(0x80);
    public static final SessionError NOT_LISTENING_FOR_CALLING_NAME = new SessionError(0x81);
    public static final SessionError CALLED_NAME_NOT_PRESENT = new SessionError(0x82);
    public static final SessionError INSUFFICIENT_RESOURCES = new SessionError(0x83);
    public static final SessionError UNSPECIFIED_ERROR = new SessionError(0x8F);

    public SessionError {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("error code must be 0..255: " + value);
        }
    }

    public static SessionError of(int value) {
        return new SessionError(value & 0xFF);
    }

    public String name() {
        return switch (value) {
            case 0x80 -> "NOT_LISTENING_ON_CALLED_NAME";
            case 0x81 -> "NOT_LISTENING_FOR_CALLING_NAME";
            case 0x82 -> "CALLED_NAME_NOT_PRESENT";
            case 0x83 -> "INSUFFICIENT_RESOURCES";
            case 0x8F -> "UNSPECIFIED_ERROR";
            default -> String.format("UNKNOWN(0x%02x)", value);
        };
    }

    /** The RFC's wording. */
    public String meaning() {
        return switch (value) {
            case 0x80 -> "Not listening on called name";
            case 0x81 -> "Not listening for calling name";
            case 0x82 -> "Called name not present";
            case 0x83 -> "Called name present, but insufficient resources";
            case 0x8F -> "Unspecified error";
            default -> String.format("Unknown error code (0x%02x)", value);
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
