package org.smbscope.codec.smb2;

/** RequestedOplockLevel / OplockLevel, [MS-SMB2] 2.2.13. Open: unknown values keep their number. */
public record OplockLevel(int value) {
    public static final OplockLevel NONE = new OplockLevel(0x0);
    public static final OplockLevel LEVEL_II = new OplockLevel(0x1);
    public static final OplockLevel EXCLUSIVE = new OplockLevel(0x8);
    public static final OplockLevel BATCH = new OplockLevel(0x9);
    public static final OplockLevel LEASE = new OplockLevel(0xff);
    private static final Bits.Names NAMES = Bits.names(0x0, "NONE", 0x1, "LEVEL_II", 0x8, "EXCLUSIVE", 0x9, "BATCH", 0xff, "LEASE");

    /** The name ("NONE"), or "UNKNOWN(0x1f)" for an unknown value. */
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
