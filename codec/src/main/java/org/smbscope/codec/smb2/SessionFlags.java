package org.smbscope.codec.smb2;

/** SessionFlags of the SESSION_SETUP response, [MS-SMB2] 2.2.6, as a small flag value type. */
public record SessionFlags(int value) {
    public static final SessionFlags IS_GUEST = new SessionFlags(0x1);
    public static final SessionFlags IS_NULL = new SessionFlags(0x2);
    public static final SessionFlags ENCRYPT_DATA = new SessionFlags(0x4);
    private static final Bits.Names NAMES = Bits.names(0x1, "IS_GUEST", 0x2, "IS_NULL", 0x4, "ENCRYPT_DATA");

    public static final SessionFlags NONE = new SessionFlags(0);

    public boolean has(SessionFlags f) {
        return (value & f.value) == f.value;
    }

    public SessionFlags with(SessionFlags f) {
        return new SessionFlags(value | f.value);
    }

    public SessionFlags without(SessionFlags f) {
        return new SessionFlags(value & ~f.value);
    }

    public static SessionFlags of(SessionFlags... flags) {
        int v = 0;
        for (SessionFlags f : flags) {
            v |= f.value;
        }
        return new SessionFlags(v);
    }

    @Override
    public String toString() {
        return NAMES.flags(value, "0x%04x");
    }
}
