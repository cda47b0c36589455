package org.smbscope.codec.smb2;

/** A signing algorithm id, [MS-SMB2] 2.2.3.1.7. Open: unknown values keep their number. */
public record SigningAlgorithm(int value) {
    public static final SigningAlgorithm HMAC_SHA256 = new SigningAlgorithm(0x0);
    public static final SigningAlgorithm AES_CMAC = new SigningAlgorithm(0x1);
    public static final SigningAlgorithm AES_GMAC = new SigningAlgorithm(0x2);
    private static final Bits.Names NAMES = Bits.names(0x0, "HMAC-SHA256", 0x1, "AES-CMAC", 0x2, "AES-GMAC");

    /** The name ("HMAC-SHA256"), or "UNKNOWN(0x001f)" for an unknown value. */
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
