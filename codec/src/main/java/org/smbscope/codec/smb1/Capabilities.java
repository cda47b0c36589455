package org.smbscope.codec.smb1;

import java.util.ArrayList;
import java.util.List;

/** NEGOTIATE / SESSION_SETUP Capabilities. [MS-CIFS] 2.2.4.52.2, [MS-SMB] 2.2.4.5.2. */
public record Capabilities(long value) {
    public static final long RAW_MODE = 0x00000001L;
    public static final long MPX_MODE = 0x00000002L;
    public static final long UNICODE = 0x00000004L;
    public static final long LARGE_FILES = 0x00000008L;
    public static final long NT_SMBS = 0x00000010L;
    public static final long RPC_REMOTE_APIS = 0x00000020L;
    public static final long STATUS32 = 0x00000040L;
    public static final long LEVEL_II_OPLOCKS = 0x00000080L;
    public static final long LOCK_AND_READ = 0x00000100L;
    public static final long NT_FIND = 0x00000200L;
    public static final long DFS = 0x00001000L;
    public static final long INFOLEVEL_PASSTHRU = 0x00002000L;
    public static final long LARGE_READX = 0x00004000L;
    public static final long LARGE_WRITEX = 0x00008000L;
    public static final long LWIO = 0x00010000L;
    public static final long UNIX = 0x00800000L;
    public static final long COMPRESSED_DATA = 0x02000000L;
    public static final long DYNAMIC_REAUTH = 0x20000000L;
    public static final long PERSISTENT_HANDLES = 0x40000000L;
    public static final long EXTENDED_SECURITY = 0x80000000L;

    private static final long[] BITS = {RAW_MODE, MPX_MODE, UNICODE, LARGE_FILES, NT_SMBS, RPC_REMOTE_APIS,
        STATUS32, LEVEL_II_OPLOCKS, LOCK_AND_READ, NT_FIND, DFS, INFOLEVEL_PASSTHRU, LARGE_READX, LARGE_WRITEX,
        LWIO, UNIX, COMPRESSED_DATA, DYNAMIC_REAUTH, PERSISTENT_HANDLES, EXTENDED_SECURITY};
    private static final String[] NAMES = {"RAW_MODE", "MPX_MODE", "UNICODE", "LARGE_FILES", "NT_SMBS",
        "RPC_REMOTE_APIS", "STATUS32", "LEVEL_II_OPLOCKS", "LOCK_AND_READ", "NT_FIND", "DFS",
        "INFOLEVEL_PASSTHRU", "LARGE_READX", "LARGE_WRITEX", "LWIO", "UNIX", "COMPRESSED_DATA",
        "DYNAMIC_REAUTH", "PERSISTENT_HANDLES", "EXTENDED_SECURITY"};

    public Capabilities {
        value &= 0xFFFFFFFFL;
    }

    public boolean has(long bit) {
        return (value & bit) == bit;
    }

    public List<String> names() {
        List<String> n = new ArrayList<>();
        for (int i = 0; i < BITS.length; i++) {
            if (has(BITS[i])) n.add("CAP_" + NAMES[i]);
        }
        return n;
    }

    @Override
    public String toString() {
        return String.format("0x%08x", value) + (value == 0 ? "" : " " + String.join(", ", names()));
    }
}
