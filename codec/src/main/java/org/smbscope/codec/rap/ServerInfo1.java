package org.smbscope.codec.rap;

/** server_info_1: 16-byte name, major and minor version, type bits, comment. [MS-RAP] 2.5.15.5. */
public record ServerInfo1(String name, int majorVersion, int minorVersion, ServerType type, String comment) {
    static final int SIZE = 26;
}
