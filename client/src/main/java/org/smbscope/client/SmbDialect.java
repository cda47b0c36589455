package org.smbscope.client;

import java.util.Locale;

/** The dialects the client can speak, in order, with Samba's protocol names. */
public enum SmbDialect {
    /** SMB1 "NT LM 0.12" ([MS-CIFS]/[MS-SMB]); code 0 is not an SMB2 dialect revision. */
    NT1(0x0000, "NT1"),
    SMB2_02(0x0202, "2.0.2"),
    SMB2_10(0x0210, "2.1"),
    SMB3_00(0x0300, "3.0"),
    SMB3_02(0x0302, "3.0.2"),
    SMB3_11(0x0311, "3.1.1");

    private final int code;
    private final String version;

    SmbDialect(int code, String version) {
        this.code = code;
        this.version = version;
    }

    public int code() {
        return code;
    }

    public String version() {
        return version;
    }

    public boolean isSmb1() {
        return this == NT1;
    }

    public boolean isSmb3() {
        return code >= 0x0300;
    }

    public static SmbDialect ofCode(int code) {
        for (SmbDialect d : values()) {
            if (d.code == code && d != NT1) {
                return d;
            }
        }
        throw new IllegalArgumentException(String.format("dialect 0x%04x is not supported", code));
    }

    /**
     * Samba's names for {@code client min/max protocol} and {@code -m}: SMB2_02, SMB2_10, SMB3_00,
     * SMB3_02, SMB3_11, NT1 (SMB1), and the aliases SMB2 (= SMB2_10 as max), SMB3 (= SMB3_11). {@code max}
     * picks the high end of an alias range, otherwise the low end. CORE/LANMAN are refused.
     */
    public static SmbDialect parse(String name, boolean max) {
        String n = name.trim().toUpperCase(Locale.ROOT);
        return switch (n) {
            case "SMB2_02", "2.0.2", "2.02" -> SMB2_02;
            case "SMB2_10", "2.1", "2.10" -> SMB2_10;
            case "SMB3_00", "3.0", "3.00" -> SMB3_00;
            case "SMB3_02", "3.0.2", "3.02" -> SMB3_02;
            case "SMB3_11", "3.1.1", "3.11" -> SMB3_11;
            case "SMB2", "SMB2_22", "SMB2_24" -> max ? SMB2_10 : SMB2_02;
            case "SMB3", "SMB3_10" -> max ? SMB3_11 : SMB3_00;
            case "DEFAULT" -> max ? SMB3_11 : SMB2_02;
            case "NT1", "SMB1" -> NT1;
            case "CORE", "COREPLUS", "LANMAN1", "LANMAN2" ->
                    throw new IllegalArgumentException("protocol " + name + " is older than NT LM 0.12 and not supported");
            default -> throw new IllegalArgumentException("unknown protocol: " + name);
        };
    }
}
