package org.smbscope.codec.netbios;

/** SNT, the source end-node type in the datagram FLAGS, RFC 1002 4.4.1. */
public enum DatagramNodeType {
    B_NODE(0, "B node"),
    P_NODE(1, "P node"),
    M_NODE(2, "M node"),
    NBDD(3, "NBDD");

    private final int code;
    private final String label;

    DatagramNodeType(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static DatagramNodeType of(int code) {
        return values()[code & 3];
    }
}
