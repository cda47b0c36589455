package org.smbscope.codec.smb2;

/** InfoType of QUERY_INFO and SET_INFO, [MS-SMB2] 2.2.37. Open: unknown values keep their number. */
public record InfoType(int value) {
    public static final InfoType FILE = new InfoType(0x1);
    public static final InfoType FILESYSTEM = new InfoType(0x2);
    public static final InfoType SECURITY = new InfoType(0x3);
    public static final InfoType QUOTA = new InfoType(0x4);
    private static final Bits.Names NAMES = Bits.names(0x1, "SMB2_0_INFO_FILE", 0x2, "SMB2_0_INFO_FILESYSTEM", 0x3, "SMB2_0_INFO_SECURITY", 0x4, "SMB2_0_INFO_QUOTA");

    /** The name ("SMB2_0_INFO_FILE"), or "UNKNOWN(0x1f)" for an unknown value. */
    public String name() {
        String n = NAMES.code(value);
        return n != null ? n : "UNKNOWN(" + String.format("0x%02x", value) + ")";
    }

    public boolean isKnown() {
        return NAMES.code(value) != null;
    }

    @Override
    public String toString() {
        return name() + " (" + String.format("0x%02x", value) + ")";
    }
}
