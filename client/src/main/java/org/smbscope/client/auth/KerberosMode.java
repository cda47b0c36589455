package org.smbscope.client.auth;

import java.util.Locale;

/**
 * Samba's {@code --use-kerberos}: {@code OFF} never, {@code DESIRED} try Kerberos and fall back to
 * NTLM (saying so), {@code REQUIRED} Kerberos or fail with the KDC's error.
 */
public enum KerberosMode {
    OFF, DESIRED, REQUIRED;

    /** desired / required / off, and Samba's older yes / no / auto. */
    public static KerberosMode parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "off", "no", "false", "disabled" -> OFF;
            case "desired", "auto", "if_possible" -> DESIRED;
            case "required", "yes", "true", "on" -> REQUIRED;
            default -> throw new IllegalArgumentException("--use-kerberos must be desired, required or off: " + text);
        };
    }
}
