package org.smbscope.client;

/**
 * One share from NetrShareEnum ([MS-SRVS] 2.2.4.23 SHARE_INFO_1): name, STYPE_* type, comment.
 */
public record ShareInfo(String name, long type, String comment) {
    public static final long STYPE_DISKTREE = 0;
    public static final long STYPE_PRINTQ = 1;
    public static final long STYPE_DEVICE = 2;
    public static final long STYPE_IPC = 3;
    public static final long STYPE_SPECIAL = 0x80000000L;

    /** "Disk", "Printer", "Device", "IPC" as smbclient prints them. */
    public String typeName() {
        return switch ((int) (type & 0xff)) {
            case 0 -> "Disk";
            case 1 -> "Printer";
            case 2 -> "Device";
            case 3 -> "IPC";
            default -> "Unknown";
        };
    }
}
