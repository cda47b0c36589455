package org.smbscope.codec.smb2;

/** A preauth integrity hash algorithm id, [MS-SMB2] 2.2.3.1.1. Open: unknown values keep their number. */
public record HashAlgorithm(int value) {
    public static final HashAlgorithm SHA_512 = new HashAlgorithm(0x1);
    private static final Bits.Names NAMES = Bits.names(0x1, "SHA-512");

    /** The name ("SHA-512"), or "UNKNOWN(0x001f)" for an unknown value. */
    public String name() {
        String n = NAMES.code(value);
        return n != null ? n : "UNKNOWN(" + String.format("0x%04x", value) + ")";
    }

    public boolean isKnown() {
        return NAMES.code(value) != null;
    }

    @Override
    public String toString() {
        return name() + " (" + String.format("0x%04x", value) + ")";
    }
}
