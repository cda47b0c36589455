package org.smbscope.codec.kerberos;

/** A PA-DATA padata-type, RFC 4120 7.5.2 and later RFCs / [MS-KILE]. Open. */
public record PaDataType(int value) {
    public static final PaDataType TGS_REQ = new PaDataType(1);
    public static final PaDataType ENC_TIMESTAMP = new PaDataType(2);
    public static final PaDataType PW_SALT = new PaDataType(3);
    public static final PaDataType ETYPE_INFO = new PaDataType(11);
    public static final PaDataType ETYPE_INFO2 = new PaDataType(19);

    public String name() {
        return switch (value) {
            case 1 -> "PA-TGS-REQ";
            case 2 -> "PA-ENC-TIMESTAMP";
            case 3 -> "PA-PW-SALT";
            case 11 -> "PA-ETYPE-INFO";
            case 16 -> "PA-PK-AS-REQ";
            case 17 -> "PA-PK-AS-REP";
            case 19 -> "PA-ETYPE-INFO2";
            case 128 -> "PA-PAC-REQUEST";
            case 129 -> "PA-FOR-USER";
            case 133 -> "PA-FX-COOKIE";
            case 136 -> "PA-FX-FAST";
            case 137 -> "PA-FX-ERROR";
            case 138 -> "PA-ENCRYPTED-CHALLENGE";
            case 149 -> "PA-REQ-ENC-PA-REP";
            case 150 -> "PA-AS-FRESHNESS";
            case 151 -> "PA-SPAKE";
            case 165 -> "PA-SUPPORTED-ENCTYPES";
            case 167 -> "PA-PAC-OPTIONS";
            default -> "UNKNOWN(" + value + ")";
        };
    }

    @Override
    public String toString() {
        return name() + " (" + value + ")";
    }
}
