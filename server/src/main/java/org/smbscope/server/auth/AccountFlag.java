package org.smbscope.server.auth;

import java.util.Optional;

/** smbpasswd account control flags (smbpasswd(5)). */
public enum AccountFlag {
    USER('U'), DISABLED('D'), NO_PASSWORD('N'), WORKSTATION('W'), NO_EXPIRY('X'), LOCKED('L'), DOMAIN_TRUST('I'),
    SERVER_TRUST('S'), HOME_DIR_REQUIRED('H'), TEMP_DUPLICATE('T'), MNS_LOGON('M');

    private final char letter;

    AccountFlag(char letter) {
        this.letter = letter;
    }

    public char letter() {
        return letter;
    }

    static Optional<AccountFlag> of(char c) {
        for (AccountFlag f : values()) {
            if (f.letter == c) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
