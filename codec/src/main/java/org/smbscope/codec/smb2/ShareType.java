package org.smbscope.codec.smb2;

/** The ShareType of the TREE_CONNECT response, [MS-SMB2] 2.2.10. Open: unknown values keep their number. */
public record ShareType(int value) {
    public static final ShareType DISK = new ShareType(0x1);
    public static final ShareType PIPE = new ShareType(0x2);
    public static final ShareType PRINT = new ShareType(0x3);
    private static final Bits.Names NAMES = Bits.names(0x1, "DISK", 0x2, "PIPE", 0x3, "PRINT");

    /** The name ("DISK"), or "UNKNOWN(0x1f)" for an unknown value. */
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
