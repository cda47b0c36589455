package org.smbscope.codec.smb2;

/** An SMB2 command code, [MS-SMB2] 2.2.1.2. Open: unknown codes keep their number. */
public record Smb2Command(int value) {
    public static final Smb2Command NEGOTIATE = new Smb2Command(0x00);
    public static final Smb2Command SESSION_SETUP = new Smb2Command(0x01);
    public static final Smb2Command LOGOFF = new Smb2Command(0x02);
    public static final Smb2Command TREE_CONNECT = new Smb2Command(0x03);
    public static final Smb2Command TREE_DISCONNECT = new Smb2Command(0x04);
    public static final Smb2Command CREATE = new Smb2Command(0x05);
    public static final Smb2Command CLOSE = new Smb2Command(0x06);
    public static final Smb2Command FLUSH = new Smb2Command(0x07);
    public static final Smb2Command READ = new Smb2Command(0x08);
    public static final Smb2Command WRITE = new Smb2Command(0x09);
    public static final Smb2Command LOCK = new Smb2Command(0x0A);
    public static final Smb2Command IOCTL = new Smb2Command(0x0B);
    public static final Smb2Command CANCEL = new Smb2Command(0x0C);
    public static final Smb2Command ECHO = new Smb2Command(0x0D);
    public static final Smb2Command QUERY_DIRECTORY = new Smb2Command(0x0E);
    public static final Smb2Command CHANGE_NOTIFY = new Smb2Command(0x0F);
    public static final Smb2Command QUERY_INFO = new Smb2Command(0x10);
    public static final Smb2Command SET_INFO = new Smb2Command(0x11);
    public static final Smb2Command OPLOCK_BREAK = new Smb2Command(0x12);
    public static final Smb2Command SERVER_TO_CLIENT_NOTIFICATION = new Smb2Command(0x13);

    private static final String[] NAMES = {"NEGOTIATE", "SESSION_SETUP", "LOGOFF", "TREE_CONNECT",
        "TREE_DISCONNECT", "CREATE", "CLOSE", "FLUSH", "READ", "WRITE", "LOCK", "IOCTL", "CANCEL", "ECHO",
        "QUERY_DIRECTORY", "CHANGE_NOTIFY", "QUERY_INFO", "SET_INFO", "OPLOCK_BREAK",
        "SERVER_TO_CLIENT_NOTIFICATION"};

    public static Smb2Command of(int value) {
        return new Smb2Command(value & 0xFFFF);
    }

    public boolean isKnown() {
        return value >= 0 && value < NAMES.length;
    }

    /** "NEGOTIATE", or "UNKNOWN(0x0014)". */
    public String name() {
        return isKnown() ? NAMES[value] : String.format("UNKNOWN(0x%04x)", value);
    }

    @Override
    public String toString() {
        return name() + " (" + value + ")";
    }
}
