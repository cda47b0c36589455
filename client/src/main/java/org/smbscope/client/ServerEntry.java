package org.smbscope.client;

/**
 * One entry of a browse list ([MS-RAP] 2.5.5.2 NetServerEnum2, SERVER_INFO_1): a server, or a
 * workgroup/domain when enumerated with SV_TYPE_DOMAIN_ENUM (then {@code comment} is its master
 * browser's name). {@code type} holds the SV_TYPE_* bits.
 */
public record ServerEntry(String name, String comment, long type, int majorVersion, int minorVersion) {
    public static final long SV_TYPE_ALL = 0xFFFFFFFFL;
    public static final long SV_TYPE_DOMAIN_ENUM = 0x80000000L;
}
