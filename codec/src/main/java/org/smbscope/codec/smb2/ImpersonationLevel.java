package org.smbscope.codec.smb2;

/** ImpersonationLevel of CREATE, [MS-SMB2] 2.2.13. Open: unknown values keep their number. */
public record ImpersonationLevel(int value) {
    public static final ImpersonationLevel ANONYMOUS = new ImpersonationLevel(0x0);
    public static final ImpersonationLevel IDENTIFICATION = new ImpersonationLevel(0x1);
    public static final ImpersonationLevel IMPERSONATION = new ImpersonationLevel(0x2);
    public static final ImpersonationLevel DELEGATE = new ImpersonationLevel(0x3);
    private static final Bits.Names NAMES = Bits.names(0x0, "Anonymous", 0x1, "Identification", 0x2, "Impersonation", 0x3, "Delegate");

    /** The name ("Anonymous"), or "UNKNOWN(31)" for an unknown value. */
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
