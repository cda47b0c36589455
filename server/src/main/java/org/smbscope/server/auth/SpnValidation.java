package org.smbscope.server.auth;

import java.util.Locale;
import java.util.Set;

/**
 * SPN target name validation, as Windows' {@code SmbServerNameHardeningLevel}: {@code OFF} (0)
 * accepts any name, {@code ACCEPT_IF_PROVIDED} (1) checks a name when the client sent one (an
 * NTLMv2 MsvAvTargetName may be absent), {@code REQUIRED} (2) refuses a missing name too. A
 * Kerberos ticket always names its service, so for Kerberos 1 and 2 both check it.
 */
public enum SpnValidation {
    OFF, ACCEPT_IF_PROVIDED, REQUIRED;

    /**
     * Whether {@code spn} ({@code cifs/fs.lab.test}, {@code cifs/fs.lab.test@REALM},
     * {@code host/fs}; null when the client gave none) names this server.
     *
     * @param ourNames our host names and addresses (compared case-insensitively)
     */
    public boolean accepts(String spn, Set<String> ourNames) {
        if (this == OFF) {
            return true;
        }
        if (spn == null || spn.isEmpty()) {
            return this == ACCEPT_IF_PROVIDED;
        }
        String s = spn;
        int at = s.lastIndexOf('@');
        if (at > 0) {
            s = s.substring(0, at);
        }
        int slash = s.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String service = s.substring(0, slash).toLowerCase(Locale.ROOT);
        String host = s.substring(slash + 1);
        int port = host.indexOf(':');
        if (port > 0 && host.indexOf(':', port + 1) < 0) {
            host = host.substring(0, port);
        }
        if (!service.equals("cifs") && !service.equals("host")) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        return ourNames.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(h));
    }
}
