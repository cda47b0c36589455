package org.smbscope.codec.smb1;

import java.util.Map;

/**
 * An SMB1 command code, open: an unknown code keeps its number. [MS-CIFS] 2.2.2.1 SMB_COM Command Codes.
 */
public record Smb1Command(int value) {
    public static final Smb1Command CREATE_DIRECTORY = new Smb1Command(0x00);
    public static final Smb1Command DELETE_DIRECTORY = new Smb1Command(0x01);
    public static final Smb1Command CLOSE = new Smb1Command(0x04);
    public static final Smb1Command FLUSH = new Smb1Command(0x05);
    public static final Smb1Command DELETE = new Smb1Command(0x06);
    public static final Smb1Command RENAME = new Smb1Command(0x07);
    public static final Smb1Command LOCKING_ANDX = new Smb1Command(0x24);
    public static final Smb1Command TRANSACTION = new Smb1Command(0x25);
    public static final Smb1Command TRANSACTION_SECONDARY = new Smb1Command(0x26);
    public static final Smb1Command ECHO = new Smb1Command(0x2B);
    public static final Smb1Command OPEN_ANDX = new Smb1Command(0x2D);
    public static final Smb1Command READ_ANDX = new Smb1Command(0x2E);
    public static final Smb1Command WRITE_ANDX = new Smb1Command(0x2F);
    public static final Smb1Command TRANSACTION2 = new Smb1Command(0x32);
    public static final Smb1Command TRANSACTION2_SECONDARY = new Smb1Command(0x33);
    public static final Smb1Command FIND_CLOSE2 = new Smb1Command(0x34);
    public static final Smb1Command TREE_DISCONNECT = new Smb1Command(0x71);
    public static final Smb1Command NEGOTIATE = new Smb1Command(0x72);
    public static final Smb1Command SESSION_SETUP_ANDX = new Smb1Command(0x73);
    public static final Smb1Command LOGOFF_ANDX = new Smb1Command(0x74);
    public static final Smb1Command TREE_CONNECT_ANDX = new Smb1Command(0x75);
    public static final Smb1Command NT_TRANSACT = new Smb1Command(0xA0);
    public static final Smb1Command NT_TRANSACT_SECONDARY = new Smb1Command(0xA1);
    public static final Smb1Command NT_CREATE_ANDX = new Smb1Command(0xA2);
    public static final Smb1Command NT_CANCEL = new Smb1Command(0xA4);
    /** AndXCommand value meaning "no further command". */
    public static final Smb1Command NO_ANDX_COMMAND = new Smb1Command(0xFF);

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(0x00, "SMB_COM_CREATE_DIRECTORY"), Map.entry(0x01, "SMB_COM_DELETE_DIRECTORY"),
            Map.entry(0x04, "SMB_COM_CLOSE"), Map.entry(0x05, "SMB_COM_FLUSH"),
            Map.entry(0x06, "SMB_COM_DELETE"), Map.entry(0x07, "SMB_COM_RENAME"),
            Map.entry(0x24, "SMB_COM_LOCKING_ANDX"), Map.entry(0x25, "SMB_COM_TRANSACTION"),
            Map.entry(0x26, "SMB_COM_TRANSACTION_SECONDARY"), Map.entry(0x2B, "SMB_COM_ECHO"),
            Map.entry(0x2D, "SMB_COM_OPEN_ANDX"), Map.entry(0x2E, "SMB_COM_READ_ANDX"),
            Map.entry(0x2F, "SMB_COM_WRITE_ANDX"), Map.entry(0x32, "SMB_COM_TRANSACTION2"),
            Map.entry(0x33, "SMB_COM_TRANSACTION2_SECONDARY"), Map.entry(0x34, "SMB_COM_FIND_CLOSE2"),
            Map.entry(0x71, "SMB_COM_TREE_DISCONNECT"), Map.entry(0x72, "SMB_COM_NEGOTIATE"),
            Map.entry(0x73, "SMB_COM_SESSION_SETUP_ANDX"), Map.entry(0x74, "SMB_COM_LOGOFF_ANDX"),
            Map.entry(0x75, "SMB_COM_TREE_CONNECT_ANDX"), Map.entry(0xA0, "SMB_COM_NT_TRANSACT"),
            Map.entry(0xA1, "SMB_COM_NT_TRANSACT_SECONDARY"), Map.entry(0xA2, "SMB_COM_NT_CREATE_ANDX"),
            Map.entry(0xA4, "SMB_COM_NT_CANCEL"), Map.entry(0xFF, "SMB_COM_NO_ANDX_COMMAND"));

    public Smb1Command {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException("command " + value);
        }
    }

    public static Smb1Command of(int value) {
        return new Smb1Command(value & 0xFF);
    }

    /** True for the commands whose parameter block starts with an AndX header ([MS-CIFS] 2.2.3.4). */
    public boolean isAndX() {
        return switch (value) {
            case 0x24, 0x2D, 0x2E, 0x2F, 0x73, 0x74, 0x75, 0xA2 -> true;
            default -> false;
        };
    }

    public String name() {
        return NAMES.getOrDefault(value, String.format("UNKNOWN(0x%02x)", value));
    }

    @Override
    public String toString() {
        return name() + String.format(" (0x%02x)", value);
    }
}
