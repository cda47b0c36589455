package org.smbscope.codec.smb2;

/** An encryption cipher id, [MS-SMB2] 2.2.3.1.2. Open: unknown values keep their number. */
public record Cipher(int value) {
    public static final Cipher AES_128_CCM = new Cipher(0x1);
    public static final Cipher AES_128_GCM = new Cipher(0x2);
    public static final Cipher AES_256_CCM = new Cipher(0x3);
    public static final Cipher AES_256_GCM = new Cipher(0x4);
    private static final Bits.Names NAMES = Bits.names(0x1, "AES-128-CCM", 0x2, "AES-128-GCM", 0x3, "AES-256-CCM", 0x4, "AES-256-GCM");

    /** The name ("AES-128-CCM"), or "UNKNOWN(0x001f)" for an unknown value. */
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
