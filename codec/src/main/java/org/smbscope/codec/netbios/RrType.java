package org.smbscope.codec.netbios;

/**
 * The QUESTION_TYPE / RR_TYPE of a name service question or resource record, RFC 1002 4.2.1.2
 * and 4.2.1.3. Open: unknown types keep their number.
 */
public record RrType(int value) {
    /** IP address (redirect name query responses). */
    public static final RrType A = new RrType(0x0001);
    /** Name server (redirect name query responses). */
    public static final RrType NS = new RrType(0x0002);
    /** NULL resource record (negative name query response). */
    public static final RrType NULL = new RrType(0x000A);
    /** General name service resource record. */
    public static final RrType NB = new RrType(0x0020);
    /** Node status resource record. */
    public static final RrType NBSTAT = new RrType(0x0021);

    /** The only class used: Internet. */
    public static final int CLASS_IN = 0x0001;

    public RrType {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException("type must be 0..65535: " + value);
        }
    }

    public static RrType of(int value) {
        return new RrType(value & 0xFFFF);
    }

    /** A, NS, NULL, NB, NBSTAT or UNKNOWN(0x0042). */
    public String name() {
        return switch (value) {
            case 0x0001 -> "A";
            case 0x0002 -> "NS";
            case 0x000A -> "NULL";
            case 0x0020 -> "NB";
            case 0x0021 -> "NBSTAT";
            default -> String.format("UNKNOWN(0x%04x)", value);
        };
    }

    @Override
    public String toString() {
        return name();
    }

    static String className(int rrClass) {
        return rrClass == CLASS_IN ? "IN" : String.format("UNKNOWN(0x%04x)", rrClass);
    }
}
