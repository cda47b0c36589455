package org.smbscope.server.config;

import java.util.Locale;
import java.util.Optional;

/** A protocol level as smb.conf names it ({@code server min protocol}); SMB 2/3 levels carry their dialect number ([MS-SMB2] 2.2.3). */
public enum ProtocolLevel {
    NT1(0),
    SMB2_02(0x0202),
    SMB2_10(0x0210),
    SMB3_00(0x0300),
    SMB3_02(0x0302),
    SMB3_11(0x0311);

    private final int dialect;

    ProtocolLevel(int dialect) {
        this.dialect = dialect;
    }

    /** The SMB2 dialect revision, 0 for NT1. */
    public int dialect() {
        return dialect;
    }

    /** Samba's names and aliases: NT1, SMB2 (= SMB2_10), SMB2_02, SMB2_10, SMB3 (= SMB3_11), SMB3_00, SMB3_02, SMB3_11. */
    static Optional<ProtocolLevel> parse(String s) {
        return switch (s.trim().toUpperCase(Locale.ROOT)) {
            case "NT1", "CORE", "COREPLUS", "LANMAN1", "LANMAN2" -> Optional.of(NT1);
            case "SMB2_02" -> Optional.of(SMB2_02);
            case "SMB2", "SMB2_10" -> Optional.of(SMB2_10);
            case "SMB3_00" -> Optional.of(SMB3_00);
            case "SMB3_02" -> Optional.of(SMB3_02);
            case "SMB3", "SMB3_11" -> Optional.of(SMB3_11);
            default -> Optional.empty();
        };
    }
}
