package org.smbscope.cli.doctor;

/** Whether a host as typed is an address literal (IPv4 dotted or IPv6). */
final class ClientPolicyText {
    private ClientPolicyText() {
    }

    static boolean isAddress(String host) {
        return !host.isEmpty() && (host.chars().allMatch(c -> Character.isDigit(c) || c == '.') || host.indexOf(':') >= 0);
    }
}
