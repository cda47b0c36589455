package org.smbscope.codec.smb2;

/** An access mask (file, pipe, printer and directory rights), [MS-SMB2] 2.2.13.1 and [MS-DTYP] 2.4.3, as a small flag value type. */
public record AccessMask(int value) {
    public static final AccessMask FILE_READ_DATA = new AccessMask(0x1);
    public static final AccessMask FILE_WRITE_DATA = new AccessMask(0x2);
    public static final AccessMask FILE_APPEND_DATA = new AccessMask(0x4);
    public static final AccessMask FILE_READ_EA = new AccessMask(0x8);
    public static final AccessMask FILE_WRITE_EA = new AccessMask(0x10);
    public static final AccessMask FILE_EXECUTE = new AccessMask(0x20);
    public static final AccessMask FILE_DELETE_CHILD = new AccessMask(0x40);
    public static final AccessMask FILE_READ_ATTRIBUTES = new AccessMask(0x80);
    public static final AccessMask FILE_WRITE_ATTRIBUTES = new AccessMask(0x100);
    public static final AccessMask DELETE = new AccessMask(0x10000);
    public static final AccessMask READ_CONTROL = new AccessMask(0x20000);
    public static final AccessMask WRITE_DAC = new AccessMask(0x40000);
    public static final AccessMask WRITE_OWNER = new AccessMask(0x80000);
    public static final AccessMask SYNCHRONIZE = new AccessMask(0x100000);
    public static final AccessMask ACCESS_SYSTEM_SECURITY = new AccessMask(0x1000000);
    public static final AccessMask MAXIMUM_ALLOWED = new AccessMask(0x2000000);
    public static final AccessMask GENERIC_ALL = new AccessMask(0x10000000);
    public static final AccessMask GENERIC_EXECUTE = new AccessMask(0x20000000);
    public static final AccessMask GENERIC_WRITE = new AccessMask(0x40000000);
    public static final AccessMask GENERIC_READ = new AccessMask(0x80000000);
    private static final Bits.Names NAMES = Bits.names(0x1, "READ_DATA", 0x2, "WRITE_DATA", 0x4, "APPEND_DATA", 0x8, "READ_EA", 0x10, "WRITE_EA", 0x20, "EXECUTE", 0x40, "DELETE_CHILD", 0x80, "READ_ATTRIBUTES", 0x100, "WRITE_ATTRIBUTES", 0x10000, "DELETE", 0x20000, "READ_CONTROL", 0x40000, "WRITE_DAC", 0x80000, "WRITE_OWNER", 0x100000, "SYNCHRONIZE", 0x1000000, "ACCESS_SYSTEM_SECURITY", 0x2000000, "MAXIMUM_ALLOWED", 0x10000000, "GENERIC_ALL", 0x20000000, "GENERIC_EXECUTE", 0x40000000, "GENERIC_WRITE", 0x80000000, "GENERIC_READ");

    public static final AccessMask NONE = new AccessMask(0);

    public boolean has(AccessMask f) {
        return (value & f.value) == f.value;
    }

    public AccessMask with(AccessMask f) {
        return new AccessMask(value | f.value);
    }

    public AccessMask without(AccessMask f) {
        return new AccessMask(value & ~f.value);
    }

    public static AccessMask of(AccessMask... flags) {
        int v = 0;
        for (AccessMask f : flags) {
            v |= f.value;
        }
        return new AccessMask(v);
    }

    @Override
    public String toString() {
        return NAMES.flags(value, "0x%08x");
    }
}
