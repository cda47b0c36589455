package org.smbscope.codec.smb2;

/** Capabilities of the TREE_CONNECT response, [MS-SMB2] 2.2.10, as a small flag value type. */
public record ShareCapabilities(int value) {
    public static final ShareCapabilities DFS = new ShareCapabilities(0x8);
    public static final ShareCapabilities CONTINUOUS_AVAILABILITY = new ShareCapabilities(0x10);
    public static final ShareCapabilities SCALEOUT = new ShareCapabilities(0x20);
    public static final ShareCapabilities CLUSTER = new ShareCapabilities(0x40);
    public static final ShareCapabilities ASYMMETRIC = new ShareCapabilities(0x80);
    public static final ShareCapabilities REDIRECT_TO_OWNER = new ShareCapabilities(0x100);
    private static final Bits.Names NAMES = Bits.names(0x8, "DFS", 0x10, "CONTINUOUS_AVAILABILITY", 0x20, "SCALEOUT", 0x40, "CLUSTER", 0x80, "ASYMMETRIC", 0x100, "REDIRECT_TO_OWNER");

    public static final ShareCapabilities NONE = new ShareCapabilities(0);

    public boolean has(ShareCapabilities f) {
        return (value & f.value) == f.value;
    }

    public ShareCapabilities with(ShareCapabilities f) {
        return new ShareCapabilities(value | f.value);
    }

    public ShareCapabilities without(ShareCapabilities f) {
        return new ShareCapabilities(value & ~f.value);
    }

    public static ShareCapabilities of(ShareCapabilities... flags) {
        int v = 0;
        for (ShareCapabilities f : flags) {
            v |= f.value;
        }
        return new ShareCapabilities(v);
    }

    @Override
    public String toString() {
        return NAMES.flags(value, "0x%08x");
    }
}
