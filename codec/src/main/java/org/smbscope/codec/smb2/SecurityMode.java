package org.smbscope.codec.smb2;

/** The SecurityMode of NEGOTIATE and SESSION_SETUP, [MS-SMB2] 2.2.3, as a small flag value type. */
public record SecurityMode(int value) {
    public static final SecurityMode SIGNING_ENABLED = new SecurityMode(0x1);
    public static final SecurityMode SIGNING_REQUIRED = new SecurityMode(0x2);
    private static final Bits.Names NAMES = Bits.names(0x1, "SIGNING_ENABLED", 0x2, "SIGNING_REQUIRED");

    public static final SecurityMode NONE = new SecurityMode(0);

    public boolean has(SecurityMode f) {
        return (value & f.value) == f.value;
    }

    public SecurityMode with(SecurityMode f) {
        return new SecurityMode(value | f.value);
    }

    public SecurityMode without(SecurityMode f) {
        return new SecurityMode(value & ~f.value);
    }

    public static SecurityMode of(SecurityMode... flags) {
        int v = 0;
        for (SecurityMode f : flags) {
            v |= f.value;
        }
        return new SecurityMode(v);
    }

    @Override
    public String toString() {
        return NAMES.flags(value, "0x%02x");
    }
}
