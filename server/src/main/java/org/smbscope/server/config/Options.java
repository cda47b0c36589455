package org.smbscope.server.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Typed access to one section's folded options; remembers which were used so the rest can be warned about. */
final class Options {
    private final Map<String, String> values;
    private final String section;
    private final List<String> warnings;

    Options(Map<String, String> values, String section, List<String> warnings) {
        this.values = values;
        this.section = section;
        this.warnings = warnings;
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    String string(String key, String dflt) {
        String v = values.remove(key);
        return v == null ? dflt : v;
    }

    List<String> list(String key, List<String> dflt) {
        String v = values.remove(key);
        if (v == null) {
            return dflt;
        }
        List<String> out = new ArrayList<>();
        for (String s : v.split("[,\\s]+")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    boolean bool(String key, boolean dflt) {
        String v = values.remove(key);
        if (v == null) {
            return dflt;
        }
        Optional<Boolean> b = parseBool(v);
        if (b.isEmpty()) {
            warnings.add(section + ": " + key + ": not a boolean '" + v + "', using " + (dflt ? "yes" : "no"));
        }
        return b.orElse(dflt);
    }

    static Optional<Boolean> parseBool(String v) {
        return switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "1", "on" -> Optional.of(true);
            case "no", "false", "0", "off" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    int integer(String key, int dflt) {
        String v = values.remove(key);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            warnings.add(section + ": " + key + ": not a number '" + v + "', using " + dflt);
            return dflt;
        }
    }

    ProtocolLevel protocol(String key, ProtocolLevel dflt) {
        String v = values.remove(key);
        if (v == null || v.strip().equalsIgnoreCase("default")) {
            return dflt;
        }
        Optional<ProtocolLevel> p = ProtocolLevel.parse(v);
        if (p.isEmpty()) {
            warnings.add(section + ": " + key + ": unknown protocol '" + v + "', using " + dflt + " (known: "
                    + Arrays.toString(ProtocolLevel.values()) + ")");
        }
        return p.orElse(dflt);
    }

    EncryptPolicy encrypt(String key, EncryptPolicy dflt) {
        Map<String, EncryptPolicy> m = new java.util.HashMap<>();
        for (String v : new String[] {"off", "disabled", "no", "false"}) {
            m.put(v, EncryptPolicy.OFF);
        }
        for (String v : new String[] {"if_required", "default", "auto", "yes", "true", "on", "enabled"}) {
            m.put(v, EncryptPolicy.IF_REQUIRED);
        }
        m.put("desired", EncryptPolicy.DESIRED);
        for (String v : new String[] {"required", "mandatory", "force"}) {
            m.put(v, EncryptPolicy.REQUIRED);
        }
        return choice(key, dflt, m);
    }

    <T> T choice(String key, T dflt, Map<String, T> allowed) {
        String v = values.remove(key);
        if (v == null) {
            return dflt;
        }
        T t = allowed.get(v.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        if (t == null) {
            warnings.add(section + ": " + key + ": unknown value '" + v + "', using " + dflt);
            return dflt;
        }
        return t;
    }

    void warnUnknown() {
        for (String k : values.keySet()) {
            warnings.add(section + ": unknown or unsupported option '" + k + "' ignored");
        }
    }
}
