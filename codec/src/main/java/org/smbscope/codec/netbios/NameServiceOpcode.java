package org.smbscope.codec.netbios;

/**
 * The 4-bit OPCODE of a name service packet, RFC 1002 4.2.1.1 (with 9, an alternate refresh
 * opcode in common use, and 15, multi-homed registration, [MS-NBTE] 2.2.2). Open: an unknown
 * opcode keeps its number.
 */
public record NameServiceOpcode(int value) {
    public static final NameServiceOpcode QUERY = new NameServiceOpcode(0);
    public static final NameServiceOpcode REGISTRATION = new NameServiceOpcode(5);
    public static final NameServiceOpcode RELEASE = new NameServiceOpcode(6);
    public static final NameServiceOpcode WACK = new NameServiceOpcode(7);
    public static final NameServiceOpcode REFRESH = new NameServiceOpcode(8);
    public static final NameServiceOpcode REFRESH_ALT = new NameServiceOpcode(9);
    public static final NameServiceOpcode MULTIHOMED_REGISTRATION = new NameServiceOpcode(15);

    public NameServiceOpcode {
        if (value < 0 || value > 15) {
            throw new IllegalArgumentException("opcode must be 0..15: " + value);
        }
    }

    public static NameServiceOpcode of(int value) {
        return new NameServiceOpcode(value & 0x0F);
    }

    /** QUERY, REGISTRATION, ..., or UNKNOWN(0x3). */
    public String name() {
        return switch (value) {
            case 0 -> "QUERY";
            case 5 -> "REGISTRATION";
            case 6 -> "RELEASE";
            case 7 -> "WACK";
            case 8 -> "REFRESH";
            case 9 -> "REFRESH_ALT";
            case 15 -> "MULTIHOMED_REGISTRATION";
            default -> String.format("UNKNOWN(0x%x)", value);
        };
    }

    /** Wireshark's wording: "Name query", "Registration", ... */
    public String description() {
        return switch (value) {
            case 0 -> "Name query";
            case 5 -> "Registration";
            case 6 -> "Release";
            case 7 -> "Wait for acknowledgment";
            case 8 -> "Refresh";
            case 9 -> "Refresh (alternate opcode)";
            case 15 -> "Multi-homed registration";
            default -> "Unknown operation (" + value + ")";
        };
    }

    public boolean isRegistration() {
        return value == 5 || value == 15;
    }

    public boolean isRefresh() {
        return value == 8 || value == 9;
    }

    @Override
    public String toString() {
        return name();
    }
}
