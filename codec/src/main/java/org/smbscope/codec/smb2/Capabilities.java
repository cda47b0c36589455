package org.smbscope.codec.smb2;

/** Global capabilities of NEGOTIATE and SESSION_SETUP, [MS-SMB2] 2.2.3, as a small flag value type. */
public record Capabilities(int value) {
    public static final Capabilities DFS = new Capabilities(0x1);
    public static final Capabilities LEASING = new Capabilities(0x2);
    public static final Capabilities LARGE_MTU = new Capabilities(0x4);
    public static final Capabilities MULTI_CHANNEL = new Capabilities(0x8);
    public static final Capabilities PERSISTENT_HANDLES = new Capabilities(0x10);
    public static final Capabilities DIRECTORY_LEASING = new Capabilities(0x20);
    public static final Capabilities ENCRYPTION = new Capabilities(0x40);
    public static final Capabilities NOTIFICATIONS = new Capabilities(0x80);
    private static final Bits.Names NAMES = Bits.names(0x1, "DFS", 0x2, "LEASING", 0x4, "LARGE_MTU", 0x8, "MULTI_CHANNEL", 0x10, "PERSISTENT_HANDLES", 0x20, "DIRECTORY_LEASING", 0x40, "ENCRYPTION", 0x80, "NOTIFICATIONS");

    public static final Capabilities NONE = new Capabilities(0);

    public boolean has(Capabilities f) {
        return (value & f.value) == f.value;
    }

    public Capabilities with(Capabilities f) {
        return new Capabilities(value | f.value);
    }

    public Capabilities without(Capabilities f) {
        return new Capabilities(value & ~f.value);
    }

    public static Capabilities of(Capabilities... flags) {
        int v = 0;
        for (Capabilities f : flags) {
            v |= f.value;
        }
        return new Capabilities(v);
    }

    @Override
    public String toString() {
        return NAMES.flags(value, "0x%08x");
    }
}
