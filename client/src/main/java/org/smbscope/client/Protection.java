package org.smbscope.client;

import java.util.Locale;

/**
 * Policy for signing or for encryption, as Samba's {@code client signing} / {@code client smb
 * encrypt}: {@code OFF} never (unless the server insists, then fail for encryption), {@code IF_REQUIRED}
 * when the server requires it (the default), {@code DESIRED} whenever the server supports it,
 * {@code REQUIRED} always, failing when it cannot.
 */
public enum Protection {
    OFF, IF_REQUIRED, DESIRED, REQUIRED;

    /** Parses Samba's spellings: off/no/disabled, if_required/auto/default, desired, required/mandatory/yes. */
    public static Protection parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT).replace(' ', '_')) {
            case "off", "no", "false", "disabled" -> OFF;
            case "if_required", "auto", "default", "enabled" -> IF_REQUIRED;
            case "desired" -> DESIRED;
            case "required", "mandatory", "yes", "true", "forced", "on" -> REQUIRED;
            default -> throw new IllegalArgumentException("unknown protection setting: " + text);
        };
    }
}
