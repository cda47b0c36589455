package org.smbscope.codec.kerberos;

/**
 * A Kerberos encryption type number (RFC 3961 8, RFC 3962, RFC 4757, RFC 6803, RFC 8009), named
 * as MIT's {@code klist -e} and krb5.conf name them. Open: an unknown number keeps its value.
 */
public record EncryptionType(int value) {
    public static final EncryptionType DES3_CBC_SHA1 = new EncryptionType(16);
    public static final EncryptionType AES128_CTS_HMAC_SHA1_96 = new EncryptionType(17);
    public static final EncryptionType AES256_CTS_HMAC_SHA1_96 = new EncryptionType(18);
    public static final EncryptionType AES128_CTS_HMAC_SHA256_128 = new EncryptionType(19);
    public static final EncryptionType AES256_CTS_HMAC_SHA384_192 = new EncryptionType(20);
    public static final EncryptionType RC4_HMAC = new EncryptionType(23);

    public String name() {
        return switch (value) {
            case 1 -> "des-cbc-crc";
            case 2 -> "des-cbc-md4";
            case 3 -> "des-cbc-md5";
            case 16 -> "des3-cbc-sha1";
            case 17 -> "aes128-cts-hmac-sha1-96";
            case 18 -> "aes256-cts-hmac-sha1-96";
            case 19 -> "aes128-cts-hmac-sha256-128";
            case 20 -> "aes256-cts-hmac-sha384-192";
            case 23 -> "arcfour-hmac";
            case 24 -> "arcfour-hmac-exp";
            case 25 -> "camellia128-cts-cmac";
            case 26 -> "camellia256-cts-cmac";
            default -> "UNKNOWN(" + value + ")";
        };
    }

    /** DES and RC4 are refused by current Windows and MIT defaults. */
    public boolean isWeak() {
        return value == 1 || value == 2 || value == 3 || value == 23 || value == 24;
    }

    @Override
    public String toString() {
        return name() + " (" + value + ")";
    }
}
