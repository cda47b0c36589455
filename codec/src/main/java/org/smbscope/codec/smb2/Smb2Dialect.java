package org.smbscope.codec.smb2;

/** An SMB2 dialect revision, [MS-SMB2] 2.2.3. Open: unknown values keep their number. */
public record Smb2Dialect(int value) {
    public static final Smb2Dialect SMB_2_0_2 = new Smb2Dialect(0x202);
    public static final Smb2Dialect SMB_2_1 = new Smb2Dialect(0x210);
    public static final Smb2Dialect SMB_3_0 = new Smb2Dialect(0x300);
    public static final Smb2Dialect SMB_3_0_2 = new Smb2Dialect(0x302);
    public static final Smb2Dialect SMB_3_1_1 = new Smb2Dialect(0x311);
    public static final Smb2Dialect WILDCARD = new Smb2Dialect(0x2ff);
    private static final Bits.Names NAMES = Bits.names(0x202, "SMB 2.0.2", 0x210, "SMB 2.1", 0x300, "SMB 3.0", 0x302, "SMB 3.0.2", 0x311, "SMB 3.1.1", 0x2ff, "SMB 2.???");

    /** The name ("SMB 2.0.2"), or "UNKNOWN(0x001f)" for an unknown value. */
    public String name() {
        String n = NAMES.code(value);
        return n != null ? n : "UNKNOWN(" + String.format("0x%04x", value) + ")";
    }

    public boolean isKnown() {
        return NAMES.code(value) != null;
    }

    @Override
    public String toString() {
        return name() + " (" + String.format("0x%04x", value) + ")";
    }
}
