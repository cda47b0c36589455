package org.smbscope.codec.smb2;

/** ShareFlags of the TREE_CONNECT response (bits 4-5 are the caching policy), [MS-SMB2] 2.2.10, as a small flag value type. */
public record ShareFlags(int value) {
    public static final ShareFlags DFS = new ShareFlags(0x1);
    public static final ShareFlags DFS_ROOT = new ShareFlags(0x2);
    public static final ShareFlags AUTO_CACHING = new ShareFlags(0x10);
    public static final ShareFlags VDO_CACHING = new ShareFlags(0x20);
    public static final ShareFlags NO_CACHING = new ShareFlags(0x30);
    public static final ShareFlags RESTRICT_EXCLUSIVE_OPENS = new ShareFlags(0x100);
    public static final ShareFlags FORCE_SHARED_DELETE = new ShareFlags(0x200);
    public static final ShareFlags ALLOW_NAMESPACE_CACHING = new ShareFlags(0x400);
    public static final ShareFlags ACCESS_BASED_DIRECTORY_ENUM = new ShareFlags(0x800);
    public static final ShareFlags FORCE_LEVELII_OPLOCK = new ShareFlags(0x1000);
    public static final ShareFlags ENABLE_HASH_V1 = new ShareFlags(0x2000);
    public static final ShareFlags ENABLE_HASH_V2 = new ShareFlags(0x4000);
    public static final ShareFlags ENCRYPT_DATA = new ShareFlags(0x8000);
    public static final ShareFlags IDENTITY_REMOTING = new ShareFlags(0x40000);
    public static final ShareFlags COMPRESS_DATA = new ShareFlags(0x100000);
    public static final ShareFlags ISOLATED_TRANSPORT = new ShareFlags(0x200000);
    private static final Bits.Names NAMES = Bits.names(0x30, "NO_CACHING", 0x1, "DFS", 0x2, "DFS_ROOT", 0x10, "AUTO_CACHING", 0x20, "VDO_CACHING", 0x100, "RESTRICT_EXCLUSIVE_OPENS", 0x200, "FORCE_SHARED_DELETE", 0x400, "ALLOW_NAMESPACE_CACHING", 0x800, "ACCESS_BASED_DIRECTORY_ENUM", 0x1000, "FORCE_LEVELII_OPLOCK", 0x2000, "ENABLE_HASH_V1", 0x4000, "ENABLE_HASH_V2", 0x8000, "ENCRYPT_DATA", 0x40000, "IDENTITY_REMOTING", 0x100000, "COMPRESS_DATA", 0x200000, "ISOLATED_TRANSPORT");

    public static final ShareFlags NONE = new ShareFlags(0);
    /** Mask of the caching policy bits; MANUAL_CACHING is 0. */
    public static final int CACHING_MASK = 0x30;

    /** The caching policy: "MANUAL", "AUTO", "VDO" or "NO". */
    public String caching() {
        return switch (value & CACHING_MASK) {
            case 0x10 -> "AUTO";
            case 0x20 -> "VDO";
            case 0x30 -> "NO";
            default -> "MANUAL";
        };
    }

    public boolean has(ShareFlags f) {
        return (value & f.value) == f.value;
    }

    public ShareFlags with(ShareFlags f) {
        return new ShareFlags(value | f.value);
    }

    public ShareFlags without(ShareFlags f) {
        return new ShareFlags(value & ~f.value);
    }

    public static ShareFlags of(ShareFlags... flags) {
        int v = 0;
        for (ShareFlags f : flags) {
            v |= f.value;
        }
        return new ShareFlags(v);
    }

    @Override
    public String toString() {
        return NAMES.flags(value, "0x%08x");
    }
}
