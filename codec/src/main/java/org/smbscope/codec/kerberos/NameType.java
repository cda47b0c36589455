package org.smbscope.codec.kerberos;

/** A PrincipalName name-type, RFC 4120 6.2 (and RFC 6806 for enterprise names). Open. */
public record NameType(int value) {
    public static final NameType UNKNOWN = new NameType(0);
    public static final NameType PRINCIPAL = new NameType(1);
    public static final NameType SRV_INST = new NameType(2);
    public static final NameType SRV_HST = new NameType(3);
    public static final NameType ENTERPRISE = new NameType(10);

    public String name() {
        return switch (value) {
            case 0 -> "NT-UNKNOWN";
            case 1 -> "NT-PRINCIPAL";
            case 2 -> "NT-SRV-INST";
            case 3 -> "NT-SRV-HST";
            case 4 -> "NT-SRV-XHST";
            case 5 -> "NT-UID";
            case 6 -> "NT-X500-PRINCIPAL";
            case 7 -> "NT-SMTP-NAME";
            case 10 -> "NT-ENTERPRISE";
            case -128 -> "NT-MS-PRINCIPAL";
            case -129 -> "NT-MS-PRINCIPAL-AND-ID";
            case -130 -> "NT-ENT-PRINCIPAL-AND-ID";
            default -> "UNKNOWN(" + value + ")";
        };
    }

    @Override
    public String toString() {
        return name() + " (" + value + ")";
    }
}
