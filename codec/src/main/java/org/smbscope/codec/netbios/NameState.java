package org.smbscope.codec.netbios;

/** The state bits of a name in a node status response, RFC 1002 4.2.18 NAME_FLAGS. */
public enum NameState {
    /** DRG: the name is being deregistered. */
    DEREGISTERING(0x1000, "DRG", "<DEREGISTERING>"),
    /** CNF: the name is in conflict. */
    CONFLICT(0x0800, "CNF", "<CONFLICT>"),
    /** ACT: the name is active (always set). */
    ACTIVE(0x0400, "ACT", "<ACTIVE>"),
    /** PRM: the permanent node name. */
    PERMANENT(0x0200, "PRM", "<PERMANENT>");

    private final int mask;
    private final String abbreviation;
    private final String display;

    NameState(int mask, String abbreviation, String display) {
        this.mask = mask;
        this.abbreviation = abbreviation;
        this.display = display;
    }

    public int mask() {
        return mask;
    }

    /** DRG, CNF, ACT or PRM. */
    public String abbreviation() {
        return abbreviation;
    }

    /** As nmblookup -S prints it: {@code <ACTIVE>}. */
    public String display() {
        return display;
    }
}
