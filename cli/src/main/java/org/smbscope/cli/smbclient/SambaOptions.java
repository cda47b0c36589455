package org.smbscope.cli.smbclient;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code --option 'name = value'} lines, with names normalised as Samba does (case and blanks
 * ignored: {@code client min protocol}, {@code clientminprotocol}, {@code client_min_protocol}).
 */
final class SambaOptions {
    private final Map<String, String> values = new LinkedHashMap<>();

    SambaOptions(List<String> lines) {
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--option needs 'name=value': " + line);
            }
            values.put(key(line.substring(0, eq)), line.substring(eq + 1).strip());
        }
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[\\s_]", "");
    }

    String get(String name) {
        return values.get(key(name));
    }

    /** Samba booleans: yes/no, true/false, 1/0, on/off. */
    Boolean bool(String name) {
        String v = get(name);
        if (v == null) {
            return null;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "on" -> Boolean.TRUE;
            case "no", "false", "0", "off" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("not a boolean for '" + name + "': " + v);
        };
    }

    /** Names this command does not understand, to warn about. */
    List<String> unknown(List<String> known) {
        List<String> k = known.stream().map(SambaOptions::key).toList();
        return values.keySet().stream().filter(n -> !k.contains(n)).toList();
    }
}
