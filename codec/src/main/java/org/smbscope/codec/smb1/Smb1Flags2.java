package org.smbscope.codec.smb1;

import java.util.ArrayList;
import java.util.List;

/** The SMB_Header Flags2 word. [MS-CIFS] 2.2.3.1 The SMB Header; [MS-SMB] 2.2.3.1. */
public record Smb1Flags2(int value) {
    public static final int LONG_NAMES = 0x0001;
    public static final int EAS = 0x0002;
    public static final int SMB_SECURITY_SIGNATURE = 0x0004;
    public static final int COMPRESSED = 0x0008;
    public static final int SMB_SECURITY_SIGNATURE_REQUIRED = 0x0010;
    public static final int IS_LONG_NAME = 0x0040;
    public static final int REPARSE_PATH = 0x0400;
    public static final int EXTENDED_SECURITY = 0x0800;
    public static final int DFS = 0x1000;
    public static final int PAGING_IO = 0x2000;
    public static final int NT_STATUS = 0x4000;
    public static final int UNICODE = 0x8000;

    public static final Smb1Flags2 NONE = new Smb1Flags2(0);

    public Smb1Flags2 {
        value &= 0xFFFF;
    }

    public boolean has(int flag) {
        return (value & flag) == flag;
    }

    public Smb1Flags2 with(int flag) {
        return new Smb1Flags2(value | flag);
    }

    public Smb1Flags2 without(int flag) {
        return new Smb1Flags2(value & ~flag);
    }

    public boolean unicode() {
        return has(UNICODE);
    }

    public List<String> names() {
        List<String> n = new ArrayList<>();
        if (has(UNICODE)) n.add("UNICODE");
        if (has(NT_STATUS)) n.add("NT_STATUS");
        if (has(PAGING_IO)) n.add("PAGING_IO");
        if (has(DFS)) n.add("DFS");
        if (has(EXTENDED_SECURITY)) n.add("EXTENDED_SECURITY");
        if (has(REPARSE_PATH)) n.add("REPARSE_PATH");
        if (has(IS_LONG_NAME)) n.add("IS_LONG_NAME");
        if (has(SMB_SECURITY_SIGNATURE_REQUIRED)) n.add("SECURITY_SIGNATURE_REQUIRED");
        if (has(COMPRESSED)) n.add("COMPRESSED");
        if (has(SMB_SECURITY_SIGNATURE)) n.add("SECURITY_SIGNATURE");
        if (has(EAS)) n.add("EAS");
        if (has(LONG_NAMES)) n.add("LONG_NAMES");
        return n;
    }

    @Override
    public String toString() {
        return String.format("0x%04x", value) + (value == 0 ? "" : " " + String.join(", ", names()));
    }
}
