package org.smbscope.codec.smb2;

/** An IOCTL/FSCTL control code, [MS-SMB2] 2.2.31 and [MS-FSCC] 2.3. Open: unknown values keep their number. */
public record CtlCode(int value) {
    public static final CtlCode FSCTL_DFS_GET_REFERRALS = new CtlCode(0x60194);
    public static final CtlCode FSCTL_DFS_GET_REFERRALS_EX = new CtlCode(0x601b0);
    public static final CtlCode FSCTL_PIPE_PEEK = new CtlCode(0x11400c);
    public static final CtlCode FSCTL_PIPE_WAIT = new CtlCode(0x110018);
    public static final CtlCode FSCTL_PIPE_TRANSCEIVE = new CtlCode(0x11c017);
    public static final CtlCode FSCTL_SRV_COPYCHUNK = new CtlCode(0x1440f2);
    public static final CtlCode FSCTL_SRV_COPYCHUNK_WRITE = new CtlCode(0x1480f2);
    public static final CtlCode FSCTL_SRV_ENUMERATE_SNAPSHOTS = new CtlCode(0x144064);
    public static final CtlCode FSCTL_SRV_REQUEST_RESUME_KEY = new CtlCode(0x140078);
    public static final CtlCode FSCTL_SRV_READ_HASH = new CtlCode(0x1441bb);
    public static final CtlCode FSCTL_LMR_REQUEST_RESILIENCY = new CtlCode(0x1401d4);
    public static final CtlCode FSCTL_QUERY_NETWORK_INTERFACE_INFO = new CtlCode(0x1401fc);
    public static final CtlCode FSCTL_VALIDATE_NEGOTIATE_INFO = new CtlCode(0x140204);
    public static final CtlCode FSCTL_GET_REPARSE_POINT = new CtlCode(0x900a8);
    public static final CtlCode FSCTL_SET_REPARSE_POINT = new CtlCode(0x900a4);
    public static final CtlCode FSCTL_FILE_LEVEL_TRIM = new CtlCode(0x98208);
    private static final Bits.Names NAMES = Bits.names(0x60194, "FSCTL_DFS_GET_REFERRALS", 0x601b0, "FSCTL_DFS_GET_REFERRALS_EX", 0x11400c, "FSCTL_PIPE_PEEK", 0x110018, "FSCTL_PIPE_WAIT", 0x11c017, "FSCTL_PIPE_TRANSCEIVE", 0x1440f2, "FSCTL_SRV_COPYCHUNK", 0x1480f2, "FSCTL_SRV_COPYCHUNK_WRITE", 0x144064, "FSCTL_SRV_ENUMERATE_SNAPSHOTS", 0x140078, "FSCTL_SRV_REQUEST_RESUME_KEY", 0x1441bb, "FSCTL_SRV_READ_HASH", 0x1401d4, "FSCTL_LMR_REQUEST_RESILIENCY", 0x1401fc, "FSCTL_QUERY_NETWORK_INTERFACE_INFO", 0x140204, "FSCTL_VALIDATE_NEGOTIATE_INFO", 0x900a8, "FSCTL_GET_REPARSE_POINT", 0x900a4, "FSCTL_SET_REPARSE_POINT", 0x98208, "FSCTL_FILE_LEVEL_TRIM");

    /** The name ("FSCTL_DFS_GET_REFERRALS"), or "UNKNOWN(0x0000001f)" for an unknown value. */
    public String name() {
        String n = NAMES.code(value);
        return n != null ? n : "UNKNOWN(" + String.format("0x%08x", value) + ")";
    }

    public boolean isKnown() {
        return NAMES.code(value) != null;
    }

    @Override
    public String toString() {
        return name() + " (" + String.format("0x%08x", value) + ")";
    }
}
