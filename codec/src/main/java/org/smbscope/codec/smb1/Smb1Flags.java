package org.smbscope.codec.smb1;

import java.util.ArrayList;
import java.util.List;

/** The SMB_Header Flags byte. [MS-CIFS] 2.2.3.1 The SMB Header. */
public record Smb1Flags(int value) {
    public static final int LOCK_AND_READ_OK = 0x01;
    public static final int BUF_AVAIL = 0x02;
    public static final int CASE_INSENSITIVE = 0x08;
    public static final int CANONICALIZED_PATHS = 0x10;
    public static final int OPLOCK = 0x20;
    public static final int OPBATCH = 0x40;
    public static final int REPLY = 0x80;

    public static final Smb1Flags NONE = new Smb1Flags(0);

    public Smb1Flags {
        value &= 0xFF;
    }

    public boolean has(int flag) {
        return (value & flag) == flag;
    }

    public Smb1Flags with(int flag) {
        return new Smb1Flags(value | flag);
    }

    public boolean isReply() {
        return has(REPLY);
    }

    public List<String> names() {
        List<String> n = new ArrayList<>();
        if (has(REPLY)) n.add("REPLY");
        if (has(OPBATCH)) n.add("OPBATCH");
        if (has(OPLOCK)) n.add("OPLOCK");
        if (has(CANONICALIZED_PATHS)) n.add("CANONICALIZED_PATHS");
        if (has(CASE_INSENSITIVE)) n.add("CASE_INSENSITIVE");
        if (has(BUF_AVAIL)) n.add("BUF_AVAIL");
        if (has(LOCK_AND_READ_OK)) n.add("LOCK_AND_READ_OK");
        return n;
    }

    @Override
    public String toString() {
        return String.format("0x%02x", value) + (value == 0 ? "" : " " + String.join(", ", names()));
    }
}
