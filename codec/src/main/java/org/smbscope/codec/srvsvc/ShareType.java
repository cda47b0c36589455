package org.smbscope.codec.srvsvc;

/**
 * A share's type ([MS-SRVS] 2.2.2.4): the base type in the low bits (STYPE_DISKTREE 0,
 * STYPE_PRINTQ 1, STYPE_DEVICE 2, STYPE_IPC 3) and flags such as STYPE_SPECIAL 0x80000000
 * (administrative, hidden "$" shares) and STYPE_TEMPORARY 0x40000000.
 */
public record ShareType(long value) {
    public static final long SPECIAL = 0x80000000L;
    public static final long TEMPORARY = 0x40000000L;
    public static final ShareType DISKTREE = new ShareType(0);
    public static final ShareType PRINTQ = new ShareType(1);
    public static final ShareType DEVICE = new ShareType(2);
    public static final ShareType IPC = new ShareType(3);
    public static final ShareType IPC_HIDDEN = new ShareType(3 | SPECIAL);

    public int base() {
        return (int) (value & 0x0FFFFFFF);
    }

    public boolean special() {
        return (value & SPECIAL) != 0;
    }

    /** The word smbclient -L prints: Disk, Printer, Device, IPC. */
    public String kind() {
        return switch (base()) {
            case 0 -> "Disk";
            case 1 -> "Printer";
            case 2 -> "Device";
            case 3 -> "IPC";
            default -> "UNKNOWN(" + base() + ")";
        };
    }

    /** Wireshark's name: STYPE_DISKTREE, STYPE_IPC_HIDDEN, ... */
    public String name() {
        String b = switch (base()) {
            case 0 -> "STYPE_DISKTREE";
            case 1 -> "STYPE_PRINTQ";
            case 2 -> "STYPE_DEVICE";
            case 3 -> "STYPE_IPC";
            default -> "STYPE_UNKNOWN(" + base() + ")";
        };
        return b + (special() ? "_HIDDEN" : "") + ((value & TEMPORARY) != 0 ? "|TEMPORARY" : "");
    }

    @Override
    public String toString() {
        return name() + " (" + value + ")";
    }
}
