package org.smbscope.trace.diagnose;

import java.util.Objects;

/**
 * What the client side wanted, when it is known (the doctor knows its own settings; a capture
 * does not, and the rules then read the client's intent from its messages).
 *
 * @param requireSigning the client requires signing (Windows 11 24H2's default)
 * @param targetName     the name the user typed for the server ("192.168.1.63", "fs01.corp"), or ""
 * @param requireEncryption the client requires encryption (SMB 3 sealing)
 */
public record ClientPolicy(boolean requireSigning, String targetName, boolean requireEncryption) {
    public static final ClientPolicy UNKNOWN = new ClientPolicy(false, "", false);

    public ClientPolicy(boolean requireSigning, String targetName) {
        this(requireSigning, targetName, false);
    }

    public ClientPolicy {
        Objects.requireNonNull(targetName, "targetName");
    }

    /** Whether the target was given as an IPv4 or IPv6 literal: no Kerberos SPN can match it. */
    public boolean targetIsAddress() {
        return isAddress(targetName);
    }

    static boolean isAddress(String name) {
        return !name.isEmpty() && (name.chars().allMatch(c -> Character.isDigit(c) || c == '.')
                || name.indexOf(':') >= 0);
    }
}
