package org.smbscope.server.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Samba's {@code username map} file (smb.conf(5) "username map"): lines
 * {@code unixname = name1 name2 "name with spaces"}, {@code *} matching any name, a leading
 * {@code !} ending the search when the line matches, {@code #} and {@code ;} comments. Names
 * compare case-insensitively. The last matching line wins unless a {@code !} line matched first.
 */
public final class UsernameMap {
    private record Rule(String unixName, List<String> names, boolean stop) {
    }

    private final List<Rule> rules;

    private UsernameMap(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static UsernameMap empty() {
        return new UsernameMap(List.of());
    }

    public static UsernameMap read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public static UsernameMap parse(String text) {
        List<Rule> rules = new ArrayList<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String left = line.substring(0, eq).strip();
            boolean stop = left.startsWith("!");
            if (stop) {
                left = left.substring(1).strip();
            }
            List<String> names = new ArrayList<>();
            String right = line.substring(eq + 1);
            int i = 0;
            while (i < right.length()) {
                char c = right.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '"') {
                    int end = right.indexOf('"', i + 1);
                    end = end < 0 ? right.length() : end;
                    names.add(right.substring(i + 1, end));
                    i = end + 1;
                } else {
                    int end = i;
                    while (end < right.length() && !Character.isWhitespace(right.charAt(end))) {
                        end++;
                    }
                    names.add(right.substring(i, end));
                    i = end;
                }
            }
            if (!left.isEmpty() && !names.isEmpty()) {
                rules.add(new Rule(left, names, stop));
            }
        }
        return new UsernameMap(rules);
    }

    /** The unix name {@code name} maps to, if any line matches. */
    public Optional<String> map(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        String found = null;
        for (Rule r : rules) {
            boolean match = r.names.stream().anyMatch(x -> x.equals("*") || x.toLowerCase(Locale.ROOT).equals(n));
            if (match) {
                found = r.unixName;
                if (r.stop) {
                    break;
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * The local user for a Kerberos client principal: the map's answer for the full principal
     * ({@code alice@LAB.TEST}); else, when its realm is ours, the map's answer for the bare name or
     * the bare name itself ({@code alice}); else empty (a foreign realm with no mapping).
     */
    public Optional<String> userFor(String principal, String ourRealm) {
        Optional<String> full = map(principal);
        if (full.isPresent()) {
            return full;
        }
        int at = principal.lastIndexOf('@');
        String name = at < 0 ? principal : principal.substring(0, at);
        String realm = at < 0 ? ourRealm : principal.substring(at + 1);
        if (!realm.equalsIgnoreCase(ourRealm)) {
            return Optional.empty();
        }
        return Optional.of(map(name).orElse(name));
    }
}
