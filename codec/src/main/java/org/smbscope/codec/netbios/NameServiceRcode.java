package org.smbscope.codec.netbios;

/**
 * The 4-bit RCODE of a name service response, RFC 1002 4.2.6 to 4.2.14. Open: unknown codes keep
 * their number.
 */
public record NameServiceRcode(int value) {
    public static final NameServiceRcode NO_ERROR = new NameServiceRcode(0);
    /** Format error: the request was invalidly formatted. */
    public static final NameServiceRcode FMT_ERR = new NameServiceRcode(1);
    /** Server failure: the name server cannot process the request. */
    public static final NameServiceRcode SRV_ERR = new NameServiceRcode(2);
    /** Name error: the name requested does not exist. */
    public static final NameServiceRcode NAM_ERR = new NameServiceRcode(3);
    /** Unsupported request. */
    public static final NameServiceRcode IMP_ERR = new NameServiceRcode(4);
    /** Refused for policy reasons. */
    public static final NameServiceRcode RFS_ERR = new NameServiceRcode(5);
    /** Active error: the name is owned by another node. */
    public static final NameServiceRcode ACT_ERR = new NameServiceRcode(6);
    /** Name in conflict: a unique name is owned by more than one node. */
    public static final NameServiceRcode CFT_ERR = new NameServiceRcode(7);

    public NameServiceRcode {
        if (value < 0 || value > 15) {
            throw new IllegalArgumentException("rcode must be 0..15: " + value);
        }
    }

    public static NameServiceRcode of(int value) {
        return new NameServiceRcode(value & 0x0F);
    }

    public boolean isError() {
        return value != 0;
    }

    /** NO_ERROR, FMT_ERR, ..., or UNKNOWN(0x9). */
    public String name() {
        return switch (value) {
            case 0 -> "NO_ERROR";
            case 1 -> "FMT_ERR";
            case 2 -> "SRV_ERR";
            case 3 -> "NAM_ERR";
            case 4 -> "IMP_ERR";
            case 5 -> "RFS_ERR";
            case 6 -> "ACT_ERR";
            case 7 -> "CFT_ERR";
            default -> String.format("UNKNOWN(0x%x)", value);
        };
    }

    /** What the code means, in Wireshark's words where it has them. */
    public String meaning() {
        return switch (value) {
            case 0 -> "No error";
            case 1 -> "Request was invalidly formatted";
            case 2 -> "Server failure";
            case 3 -> "Requested name does not exist";
            case 4 -> "Request is not implemented";
            case 5 -> "Request was refused";
            case 6 -> "Name is owned by another node";
            case 7 -> "Name is in conflict";
            default -> "Unknown reply code (" + value + ")";
        };
    }

    @Override
    public String toString() {
        return name();
    }
}
