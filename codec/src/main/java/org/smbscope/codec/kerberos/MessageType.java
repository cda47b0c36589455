package org.smbscope.codec.kerberos;

/**
 * A Kerberos msg-type, RFC 4120 5.10 (the same number as the message's APPLICATION tag). Open: an
 * unknown number keeps its value.
 */
public record MessageType(int value) {
    public static final MessageType AS_REQ = new MessageType(10);
    public static final MessageType AS_REP = new MessageType(11);
    public static final MessageType TGS_REQ = new MessageType(12);
    public static final MessageType TGS_REP = new MessageType(13);
    public static final MessageType AP_REQ = new MessageType(14);
    public static final MessageType AP_REP = new MessageType(15);
    public static final MessageType KRB_ERROR = new MessageType(30);

    /** "AS-REQ", ..., "UNKNOWN(7)". */
    public String name() {
        return switch (value) {
            case 10 -> "AS-REQ";
            case 11 -> "AS-REP";
            case 12 -> "TGS-REQ";
            case 13 -> "TGS-REP";
            case 14 -> "AP-REQ";
            case 15 -> "AP-REP";
            case 20 -> "KRB-SAFE";
            case 21 -> "KRB-PRIV";
            case 22 -> "KRB-CRED";
            case 30 -> "KRB-ERROR";
            default -> "UNKNOWN(" + value + ")";
        };
    }

    @Override
    public String toString() {
        return name() + " (" + value + ")";
    }
}
