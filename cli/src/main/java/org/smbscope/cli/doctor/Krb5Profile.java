package org.smbscope.cli.doctor;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The little of krb5.conf (MIT profile format) that {@code doctor -k} needs: the default realm, the
 * first {@code kdc} of a realm, and a copy whose realm points at the doctor's {@link KdcRelay}
 * with TCP only ({@code udp_preference_limit = 1}).
 */
final class Krb5Profile {
    private final List<String> lines;

    private Krb5Profile(List<String> lines) {
        this.lines = lines;
    }

    static Krb5Profile read(Path file) throws IOException {
        return new Krb5Profile(Files.readAllLines(file));
    }

    static Krb5Profile of(String text) {
        return new Krb5Profile(text.lines().toList());
    }

    /** The krb5.conf in effect: the given file, else KRB5_CONFIG's first entry, else /etc/krb5.conf. */
    static Optional<Path> locate(Path given) {
        if (given != null) {
            return Optional.of(given);
        }
        String env = System.getenv("KRB5_CONFIG");
        Path p = env != null && !env.isBlank() ? Path.of(env.split(":")[0]) : Path.of("/etc/krb5.conf");
        return Files.isReadable(p) ? Optional.of(p) : Optional.empty();
    }

    Optional<String> defaultRealm() {
        String section = "";
        for (String raw : lines) {
            String l = strip(raw);
            if (l.startsWith("[")) {
                section = l;
            } else if (section.equals("[libdefaults]") && key(l).equals("default_realm")) {
                return Optional.of(value(l));
            }
        }
        return Optional.empty();
    }

    /** The first {@code kdc = host[:port]} of {@code realm} (port 88 when absent). */
    Optional<InetSocketAddress> kdc(String realm) {
        int[] block = realmBlock(realm);
        if (block == null) {
            return Optional.empty();
        }
        for (int i = block[0]; i < block[1]; i++) {
            String l = strip(lines.get(i));
            if (key(l).equals("kdc")) {
                String v = value(l);
                int colon = v.lastIndexOf(':');
                boolean hasPort = colon > 0 && v.indexOf(':') == colon && !v.endsWith("]");
                String host = hasPort ? v.substring(0, colon) : v;
                int port = hasPort ? Integer.parseInt(v.substring(colon + 1)) : 88;
                return Optional.of(InetSocketAddress.createUnresolved(host.replace("[", "").replace("]", ""), port));
            }
        }
        return Optional.empty();
    }

    /** This profile with {@code realm}'s kdc lines replaced by {@code relay} and TCP only. */
    String relayedTo(String realm, String relay) {
        int[] block = realmBlock(realm);
        List<String> out = new ArrayList<>();
        boolean replaced = false;
        boolean inLibdefaults = false;
        boolean udpSet = false;
        for (int i = 0; i < lines.size(); i++) {
            String l = strip(lines.get(i));
            if (l.startsWith("[")) {
                if (inLibdefaults && !udpSet) {
                    out.add("    udp_preference_limit = 1");
                    udpSet = true;
                }
                inLibdefaults = l.equals("[libdefaults]");
            }
            if (inLibdefaults && key(l).equals("udp_preference_limit")) {
                out.add("    udp_preference_limit = 1");
                udpSet = true;
                continue;
            }
            if (block != null && i >= block[0] && i < block[1] && key(l).equals("kdc")) {
                if (!replaced) {
                    out.add("        kdc = " + relay);
                    replaced = true;
                }
                continue;
            }
            out.add(lines.get(i));
        }
        if (inLibdefaults && !udpSet) {
            out.add("    udp_preference_limit = 1");
            udpSet = true;
        }
        if (!udpSet) {
            out.add(0, "[libdefaults]\n    udp_preference_limit = 1");
        }
        return String.join("\n", out) + "\n";
    }

    /** Line range (after "REALM = {", before its "}") of the realm's block in [realms], or null. */
    private int[] realmBlock(String realm) {
        String section = "";
        for (int i = 0; i < lines.size(); i++) {
            String l = strip(lines.get(i));
            if (l.startsWith("[")) {
                section = l;
            } else if (section.equals("[realms]") && l.endsWith("{")
                    && key(l).toUpperCase(Locale.ROOT).equals(realm.toUpperCase(Locale.ROOT))) {
                for (int j = i + 1; j < lines.size(); j++) {
                    if (strip(lines.get(j)).equals("}")) {
                        return new int[] {i + 1, j};
                    }
                }
                return null;
            }
        }
        return null;
    }

    private static String strip(String s) {
        int hash = s.indexOf('#');
        int semi = s.indexOf(';');
        int cut = hash < 0 ? semi : semi < 0 ? hash : Math.min(hash, semi);
        return (cut < 0 ? s : s.substring(0, cut)).strip();
    }

    private static String key(String l) {
        int eq = l.indexOf('=');
        return eq < 0 ? "" : l.substring(0, eq).strip();
    }

    private static String value(String l) {
        int eq = l.indexOf('=');
        return eq < 0 ? "" : l.substring(eq + 1).strip();
    }
}
