package org.smbscope.codec.smb2;

/** ShareAccess of CREATE, [MS-SMB2] 2.2.13, as a small flag value type. */
public record ShareAccess(int value) {
    public static final ShareAccess READ = new ShareAccess(0x1);
    public static final ShareAccess WRITE = new ShareAccess(0x2);
    public static final ShareAccess DELETE = new ShareAccess(0x4);
    private static final Bits.Names NAMES = Bits.names(0x1, "READ", 0x2, "WRITE", 0x4, "DELETE");

    public static final ShareAccess NONE = new ShareAccess(0);

    public boolean has(ShareAccess f) {
        return (value & f.value) == f.value;
    }

    public ShareAccess with(ShareAccess f) {
        return new ShareAccess(value | f.value);
    }

    public ShareAccess without(ShareAccess f) {
        return new ShareAccess(value & ~f.value);
    }

    public static ShareAccess of(ShareAccess... flags) {
        int v = 0;
        for (ShareAccess f : flags) {
            v |= f.value;
        }
        return new ShareAccess(v);
    }

    @Override
    public String toString() {
        return NAMES.flags(value, "0x%08x");
    }
}
