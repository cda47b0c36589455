package org.smbscope.codec.netbios;

/**
 * The owner node type (ONT) of a name, two bits in NB_FLAGS and NAME_FLAGS, RFC 1002 4.2.1.3 and
 * 4.2.18; value 3 is the H-node (hybrid) of [MS-NBTE] that Windows and Samba use.
 */
public enum NodeType {
    B_NODE(0, "B-node", "B"),
    P_NODE(1, "P-node", "P"),
    M_NODE(2, "M-node", "M"),
    H_NODE(3, "H-node", "H");

    private final int code;
    private final String label;
    private final String letter;

    NodeType(int code, String label, String letter) {
        this.code = code;
        this.label = label;
        this.letter = letter;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    /** The letter nmblookup prints: B, P, M or H. */
    public String letter() {
        return letter;
    }

    public static NodeType of(int code) {
        return values()[code & 3];
    }
}
