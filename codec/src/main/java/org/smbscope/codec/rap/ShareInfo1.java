package org.smbscope.codec.rap;

/** share_info_1: 13-byte name, pad, type (0 disk, 1 print, 2 device, 3 IPC), remark. [MS-RAP] 2.5.15.2. */
public record ShareInfo1(String name, int type, String remark) {
    public static final int DISK = 0;
    public static final int PRINTQ = 1;
    public static final int DEVICE = 2;
    public static final int IPC = 3;
    static final int SIZE = 20;

    public String typeName() {
        return switch (type & 0xFF) {
            case DISK -> "Disk";
            case PRINTQ -> "Printer";
            case DEVICE -> "Device";
            case IPC -> "IPC";
            default -> "Unknown(" + type + ")";
        };
    }
}
