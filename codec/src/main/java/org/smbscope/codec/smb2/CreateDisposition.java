package org.smbscope.codec.smb2;

/** CreateDisposition of CREATE, [MS-SMB2] 2.2.13. Open: unknown values keep their number. */
public record CreateDisposition(int value) {
    public static final CreateDisposition SUPERSEDE = new CreateDisposition(0x0);
    public static final CreateDisposition OPEN = new CreateDisposition(0x1);
    public static final CreateDisposition CREATE = new CreateDisposition(0x2);
    public static final CreateDisposition OPEN_IF = new CreateDisposition(0x3);
    public static final CreateDisposition OVERWRITE = new CreateDisposition(0x4);
    public static final CreateDisposition OVERWRITE_IF = new CreateDisposition(0x5);
    private static final Bits.Names NAMES = Bits.names(0x0, "FILE_SUPERSEDE", 0x1, "FILE_OPEN", 0x2, "FILE_CREATE", 0x3, "FILE_OPEN_IF", 0x4, "FILE_OVERWRITE", 0x5, "FILE_OVERWRITE_IF");

    /** The name ("FILE_SUPERSEDE"), or "UNKNOWN(31)" for an unknown value. */
    public String name() {
        String n = NAMES.code(value);
        return n != null ? n : "UNKNOWN(" + String.format("%d", value) + ")";
    }

    public boolean isKnown() {
        return NAMES.code(value) != null;
    }

    @Override
    public String toString() {
        return name() + " (" + String.format("%d", value) + ")";
    }
}
