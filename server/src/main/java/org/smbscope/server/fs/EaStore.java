package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.smbscope.codec.fscc.FullEa;
import org.smbscope.codec.fscc.FullEaInformation;
import org.smbscope.codec.status.NtStatus;

/**
 * Extended attributes clients set (SMB2 SET_INFO FileFullEaInformation and the CREATE "ExtA" context, SMB1
 * SMB_INFO_SET_EAS, TRANS2_OPEN2, TRANS2_CREATE_DIRECTORY and NT_TRANSACT_CREATE EA lists), kept per file:
 * one user extended attribute {@code user.smbscope.ea.<NAME>} per EA where the file system has them, else in
 * memory for the life of the server. Names are kept upper-cased as NTFS does ([MS-FSCC] 2.4.15: names are
 * compared case-insensitively); bytes outside {@code [A-Z0-9._-]} are escaped as {@code %XX} in the xattr name.
 * A set with an empty value deletes the attribute. Listing order is by name.
 */
final class EaStore {
    static final String PREFIX = "smbscope.ea.";
    /** Largest packed EA set of one file (NTFS: 64 KiB). */
    static final int MAX_TOTAL = 65536;
    private static final String BAD_CHARS = "\"*+,/:;<=>?[\\]|";

    private final Map<Object, TreeMap<String, FullEa>> memory = new HashMap<>();
    /** Keeps each file's EA size (directory listings ask for it per entry); every change here forgets it. */
    private final MetaCache meta;

    EaStore() {
        this(new MetaCache());
    }

    EaStore(MetaCache meta) {
        this.meta = meta;
    }

    /** STATUS_INVALID_EA_NAME for a name Windows refuses (empty, control characters, {@code "*+,/:;<=>?[\]|}). */
    static boolean validName(String name) {
        if (name.isEmpty() || name.length() > FullEa.MAX_NAME) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 32 || BAD_CHARS.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Null when every name of {@code eas} is valid, else STATUS_INVALID_EA_NAME. */
    static NtStatus check(List<FullEa> eas) {
        for (FullEa e : eas) {
            if (!validName(e.name())) {
                return NtStatus.INVALID_EA_NAME;
            }
        }
        return null;
    }

    /** The upper-cased name NTFS keeps (ASCII letters only). */
    static String canonical(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            b.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c);
        }
        return b.toString();
    }

    /** The EAs of {@code p}, ordered by name; empty when it has none. */
    List<FullEa> read(Path p) {
        UserDefinedFileAttributeView v = view(p);
        if (v != null) {
            try {
                TreeMap<String, FullEa> out = new TreeMap<>();
                for (String x : v.list()) {
                    if (!x.startsWith(PREFIX)) {
                        continue;
                    }
                    String name = unescape(x.substring(PREFIX.length()));
                    int size = v.size(x);
                    if (name == null || size <= 0 || size > FullEa.MAX_VALUE) {
                        continue;
                    }
                    ByteBuffer b = ByteBuffer.allocate(size);
                    v.read(x, b);
                    out.put(name, new FullEa(0, name, java.util.Arrays.copyOf(b.array(), b.position())));
                }
                return new ArrayList<>(out.values());
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // fall through to memory
            }
        }
        Object key = key(p);
        synchronized (memory) {
            TreeMap<String, FullEa> m = key == null ? null : memory.get(key);
            return m == null ? new ArrayList<>() : new ArrayList<>(m.values());
        }
    }

    /** One EA of {@code p} by name (any case), or null. */
    FullEa get(Path p, String name) {
        String c = canonical(name);
        for (FullEa e : read(p)) {
            if (e.name().equals(c)) {
                return e;
            }
        }
        return null;
    }

    /** FileEaInformation.EaSize: the bytes a FileFullEaInformation query of all the EAs needs (0: none). */
    int eaSize(Path p) {
        return packedSize(read(p));
    }

    /** {@link #eaSize(Path)} of the file whose stat is {@code st}, kept while the file is unchanged ({@link MetaCache}). */
    int eaSize(Path p, FileFacts.Stat st) {
        Integer size = meta.get(p, st, MetaCache.EA_SIZE, () -> eaSize(p));
        return size == null ? 0 : size;
    }

    static int packedSize(List<FullEa> eas) {
        int total = 0;
        for (FullEa e : eas) {
            total += (e.fullSize() + 3) & ~3;
        }
        return total;
    }

    /**
     * Sets (or, with an empty value, deletes) each EA of {@code changes}; nothing is changed when a name is invalid
     * (STATUS_INVALID_EA_NAME) or the result would exceed 64 KiB (STATUS_EA_TOO_LARGE).
     */
    void apply(Path p, List<FullEa> changes) throws Failure {
        try {
            change(p, changes);
        } finally {
            meta.forget(p); // after the change (a size read meanwhile is not kept), whether or not it was made
        }
    }

    private void change(Path p, List<FullEa> changes) throws Failure {
        NtStatus bad = check(changes);
        if (bad != null) {
            throw new Failure(bad);
        }
        TreeMap<String, FullEa> after = new TreeMap<>();
        List<FullEa> before = read(p);
        for (FullEa e : before) {
            after.put(e.name(), e);
        }
        for (FullEa e : changes) {
            String c = canonical(e.name());
            if (e.valueLength() == 0) {
                after.remove(c);
            } else {
                after.put(c, new FullEa(e.flags(), c, e.value()));
            }
        }
        if (FullEaInformation.encodedSize(new ArrayList<>(after.values())) > MAX_TOTAL) {
            throw new Failure(NtStatus.EA_TOO_LARGE);
        }
        UserDefinedFileAttributeView v = view(p);
        if (v != null) {
            try {
                for (FullEa e : changes) {
                    String c = canonical(e.name());
                    String x = PREFIX + escape(c);
                    if (e.valueLength() == 0) {
                        if (v.list().contains(x)) {
                            v.delete(x);
                        }
                    } else {
                        v.write(x, ByteBuffer.wrap(e.value()));
                    }
                }
                return;
            } catch (IOException e) {
                // the file system's space for attributes is full (ext4: one block): put back what was there
                restore(v, changes, before);
                throw new Failure(NtStatus.EA_TOO_LARGE);
            } catch (UnsupportedOperationException | SecurityException e) {
                // fall back to memory
            }
        }
        Object key = key(p);
        if (key == null) {
            throw new Failure(NtStatus.OBJECT_NAME_NOT_FOUND);
        }
        synchronized (memory) {
            memory.put(key, after);
        }
    }

    private static void restore(UserDefinedFileAttributeView v, List<FullEa> changes, List<FullEa> before) {
        // first drop what the change added (to free the space), then put back the old values
        for (boolean put : new boolean[] {false, true}) {
            for (FullEa e : changes) {
                String c = canonical(e.name());
                String x = PREFIX + escape(c);
                FullEa old = before.stream().filter(b -> b.name().equals(c)).findFirst().orElse(null);
                try {
                    if (put && old != null) {
                        v.write(x, ByteBuffer.wrap(old.value()));
                    } else if (!put && old == null && v.list().contains(x)) {
                        v.delete(x);
                    }
                } catch (IOException | RuntimeException ignored) {
                    // best effort
                }
            }
        }
    }

    /** Removes every EA of {@code p} (an overwriting open). */
    void clear(Path p) throws Failure {
        List<FullEa> all = read(p);
        List<FullEa> deletes = new ArrayList<>();
        for (FullEa e : all) {
            deletes.add(new FullEa(0, e.name(), new byte[0]));
        }
        if (!deletes.isEmpty()) {
            apply(p, deletes);
        }
    }

    /** The file {@code p} is being deleted. */
    void forget(Path p) {
        synchronized (memory) {
            if (memory.isEmpty()) {
                return; // nothing kept in memory (the usual case: extended attributes hold the EAs): no stat
            }
        }
        Object key = key(p);
        if (key != null) {
            synchronized (memory) {
                memory.remove(key);
            }
        }
    }

    private static UserDefinedFileAttributeView view(Path p) {
        if (!p.getFileSystem().supportedFileAttributeViews().contains("user")) {
            return null;
        }
        return Files.getFileAttributeView(p, UserDefinedFileAttributeView.class);
    }

    static String escape(String name) {
        StringBuilder b = new StringBuilder();
        for (byte x : name.getBytes(StandardCharsets.ISO_8859_1)) {
            int c = x & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
            }
        }
        return b.toString();
    }

    static String unescape(String x) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < x.length(); i++) {
            char c = x.charAt(i);
            if (c == '%') {
                if (i + 2 >= x.length()) {
                    return null;
                }
                int hi = Character.digit(x.charAt(i + 1), 16);
                int lo = Character.digit(x.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                b.append((char) (hi << 4 | lo));
                i += 2;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static Object key(Path p) {
        try {
            Object k = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
            return List.of(p.getFileSystem(), k != null ? k : p.toRealPath().toString());
        } catch (IOException e) {
            return null;
        }
    }
}
