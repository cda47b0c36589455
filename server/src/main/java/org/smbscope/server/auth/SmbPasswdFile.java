package org.smbscope.server.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and atomically writes Samba's smbpasswd file format (smbpasswd(5)). Malformed lines are skipped with a warning. */
public final class SmbPasswdFile {
    private final Map<String, SmbPasswdEntry> entries;
    private final List<String> warnings;

    private SmbPasswdFile(Map<String, SmbPasswdEntry> entries, List<String> warnings) {
        this.entries = entries;
        this.warnings = List.copyOf(warnings);
    }

    public static SmbPasswdFile empty() {
        return new SmbPasswdFile(new LinkedHashMap<>(), List.of());
    }

    /** Reads {@code file}; a missing file is an empty one. */
    public static SmbPasswdFile read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return empty();
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public static SmbPasswdFile parse(String text) {
        Map<String, SmbPasswdEntry> map = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\r?\n")) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Optional<SmbPasswdEntry> e = parseLine(line);
            if (e.isEmpty()) {
                warnings.add("smbpasswd line " + n + ": malformed, skipped");
            } else {
                map.put(e.get().user().toLowerCase(java.util.Locale.ROOT), e.get());
            }
        }
        return new SmbPasswdFile(map, warnings);
    }

    static Optional<SmbPasswdEntry> parseLine(String line) {
        String[] f = line.split(":", -1);
        if (f.length < 6 || f[0].isEmpty()) {
            return Optional.empty();
        }
        try {
            long uid = Long.parseLong(f[1]);
            Set<AccountFlag> flags = EnumSet.noneOf(AccountFlag.class);
            String fl = f[4];
            if (!fl.startsWith("[") || !fl.endsWith("]")) {
                return Optional.empty();
            }
            for (char c : fl.substring(1, fl.length() - 1).toCharArray()) {
                if (c != ' ') {
                    AccountFlag.of(c).ifPresent(flags::add);
                }
            }
            long lct = 0;
            if (f[5].startsWith("LCT-")) {
                lct = Long.parseLong(f[5].substring(4), 16);
            }
            return Optional.of(new SmbPasswdEntry(f[0], uid, hash(f[2]), hash(f[3]), flags, lct));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] hash(String s) {
        if (s.length() != 32 || s.startsWith("NO PASSWORD") || s.chars().allMatch(c -> c == 'X' || c == '*')) {
            return null;
        }
        return HexFormat.of().parseHex(s);
    }

    public Optional<SmbPasswdEntry> find(String user) {
        return Optional.ofNullable(entries.get(user.toLowerCase(java.util.Locale.ROOT)));
    }

    public List<SmbPasswdEntry> entries() {
        return List.copyOf(entries.values());
    }

    public List<String> warnings() {
        return warnings;
    }

    /** A copy with {@code e} added or replacing the entry of the same user. */
    public SmbPasswdFile with(SmbPasswdEntry e) {
        Map<String, SmbPasswdEntry> m = new LinkedHashMap<>(entries);
        m.put(e.user().toLowerCase(java.util.Locale.ROOT), e);
        return new SmbPasswdFile(m, warnings);
    }

    /** A copy without {@code user}. */
    public SmbPasswdFile without(String user) {
        Map<String, SmbPasswdEntry> m = new LinkedHashMap<>(entries);
        m.remove(user.toLowerCase(java.util.Locale.ROOT));
        return new SmbPasswdFile(m, warnings);
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        for (SmbPasswdEntry e : entries.values()) {
            sb.append(e.line()).append('\n');
        }
        return sb.toString();
    }

    /** Writes to a temporary file in the same directory (mode 0600 where supported), then renames it over {@code file}. */
    public void write(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".smbpasswd", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            Files.writeString(tmp, text(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
