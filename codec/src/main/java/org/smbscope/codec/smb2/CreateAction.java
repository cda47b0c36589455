package org.smbscope.codec.smb2;

/** CreateAction of the CREATE response, [MS-SMB2] 2.2.14. Open: unknown values keep their number. */
public record CreateAction(int value) {
    public static final CreateAction SUPERSEDED = new CreateAction(0x0);
    public static final CreateAction OPENED = new CreateAction(0x1);
    public static final CreateAction CREATED = new CreateAction(0x2);
    public static final CreateAction OVERWRITTEN = new CreateAction(0x3);
    private static final Bits.Names NAMES = Bits.names(0x0, "FILE_SUPERSEDED", 0x1, "FILE_OPENED", 0x2, "FILE_CREATED", 0x3, "FILE_OVERWRITTEN");

    /** The name ("FILE_SUPERSEDED"), or "UNKNOWN(31)" for an unknown value. */
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
