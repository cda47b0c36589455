package org.smbscope.cli.smbclient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Samba's {@code -A} authentication file: lines {@code username = ...}, {@code password = ...},
 * {@code domain = ...}; blank lines and {@code #} comments ignored. The username may carry a
 * domain ({@code DOM/user}).
 */
record AuthFile(String domain, String user, String password) {

    static AuthFile read(Path path) throws IOException {
        return parse(Files.readAllLines(path, StandardCharsets.UTF_8));
    }

    static AuthFile parse(List<String> lines) {
        String domain = null;
        String user = null;
        String password = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("authentication file line without '=': " + line);
            }
            String key = line.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            switch (key) {
                case "username" -> user = value;
                case "password" -> password = value;
                case "domain" -> domain = value;
                default -> throw new IllegalArgumentException("unknown key in authentication file: " + key);
            }
        }
        if (user != null) {
            UserSpec spec = UserSpec.parse(user);
            if (!spec.domain().isEmpty() && domain == null) {
                domain = spec.domain();
            }
            user = spec.user();
        }
        return new AuthFile(domain, user, password);
    }
}
