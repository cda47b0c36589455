package org.smbscope.codec.smb2;

/** The SMB2 header Flags field, [MS-SMB2] 2.2.1.2, as a small value type. */
public record Smb2Flags(int value) {
    public static final Smb2Flags NONE = new Smb2Flags(0);
    public static final Smb2Flags SERVER_TO_REDIR = new Smb2Flags(0x00000001);
    public static final Smb2Flags ASYNC_COMMAND = new Smb2Flags(0x00000002);
    public static final Smb2Flags RELATED_OPERATIONS = new Smb2Flags(0x00000004);
    public static final Smb2Flags SIGNED = new Smb2Flags(0x00000008);
    /** Mask of the 3.1.1 priority bits (4-6). */
    public static final int PRIORITY_MASK = 0x00000070;
    public static final Smb2Flags DFS_OPERATIONS = new Smb2Flags(0x10000000);
    public static final Smb2Flags REPLAY_OPERATION = new Smb2Flags(0x20000000);

    private static final Bits.Names NAMES = Bits.names(1, "SERVER_TO_REDIR", 2, "ASYNC", 4, "RELATED", 8, "SIGNED",
            0x10000000, "DFS", 0x20000000, "REPLAY");

    public boolean has(Smb2Flags f) {
        return (value & f.value) == f.value;
    }

    public Smb2Flags with(Smb2Flags f) {
        return new Smb2Flags(value | f.value);
    }

    public Smb2Flags without(Smb2Flags f) {
        return new Smb2Flags(value & ~f.value);
    }

    public boolean isResponse() {
        return has(SERVER_TO_REDIR);
    }

    public boolean isAsync() {
        return has(ASYNC_COMMAND);
    }

    public boolean isRelated() {
        return has(RELATED_OPERATIONS);
    }

    public boolean isSigned() {
        return has(SIGNED);
    }

    /** The 3.1.1 priority value (0..7). */
    public int priority() {
        return (value & PRIORITY_MASK) >>> 4;
    }

    public Smb2Flags withPriority(int priority) {
        return new Smb2Flags((value & ~PRIORITY_MASK) | ((priority & 7) << 4));
    }

    @Override
    public String toString() {
        return NAMES.flags(value, "0x%08x");
    }
}
