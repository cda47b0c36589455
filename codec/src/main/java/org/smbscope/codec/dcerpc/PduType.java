package org.smbscope.codec.dcerpc;

/**
 * The PTYPE of a connection-oriented PDU ([C706] 12.6.4.1, [MS-RPCE] 2.2.2.1). Open: an unknown
 * number keeps its value.
 */
public record PduType(int value) {
    public static final PduType REQUEST = new PduType(0);
    public static final PduType PING = new PduType(1);
    public static final PduType RESPONSE = new PduType(2);
    public static final PduType FAULT = new PduType(3);
    public static final PduType BIND = new PduType(11);
    public static final PduType BIND_ACK = new PduType(12);
    public static final PduType BIND_NAK = new PduType(13);
    public static final PduType ALTER_CONTEXT = new PduType(14);
    public static final PduType ALTER_CONTEXT_RESP = new PduType(15);
    public static final PduType AUTH3 = new PduType(16);
    public static final PduType SHUTDOWN = new PduType(17);
    public static final PduType CO_CANCEL = new PduType(18);
    public static final PduType ORPHANED = new PduType(19);

    public String name() {
        return switch (value) {
            case 0 -> "Request";
            case 1 -> "Ping";
            case 2 -> "Response";
            case 3 -> "Fault";
            case 11 -> "Bind";
            case 12 -> "Bind_ack";
            case 13 -> "Bind_nak";
            case 14 -> "Alter_context";
            case 15 -> "Alter_context_resp";
            case 16 -> "AUTH3";
            case 17 -> "Shutdown";
            case 18 -> "Co_cancel";
            case 19 -> "Orphaned";
            default -> String.format("UNKNOWN(0x%02x)", value);
        };
    }

    @Override
    public String toString() {
        return name() + " (" + value + ")";
    }
}
