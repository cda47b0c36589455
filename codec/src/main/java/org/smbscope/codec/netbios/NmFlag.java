package org.smbscope.codec.netbios;

/**
 * The NM_FLAGS of a name service header, RFC 1002 4.2.1.1, with their bit in the 16-bit flags
 * word (R and OPCODE above, RCODE below).
 */
public enum NmFlag {
    /** AA: the responding node is an authority for the name. */
    AUTHORITATIVE_ANSWER(0x0400, "Authoritative"),
    /** TC: the packet was truncated. */
    TRUNCATED(0x0200, "Truncated"),
    /** RD: the requester wants the name server to query recursively / register. */
    RECURSION_DESIRED(0x0100, "Recursion desired"),
    /** RA: the name server supports recursive query, registration and release. */
    RECURSION_AVAILABLE(0x0080, "Recursion available"),
    /** B: the packet was broadcast or multicast. */
    BROADCAST(0x0010, "Broadcast");

    private final int mask;
    private final String label;

    NmFlag(int mask, String label) {
        this.mask = mask;
        this.label = label;
    }

    /** The bit in the 16-bit flags word. */
    public int mask() {
        return mask;
    }

    public String label() {
        return label;
    }
}
