package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.smbscope.server.share.StreamName;

/**
 * The named data streams of files ([MS-FSCC] 2.1.5, [MS-FSA] 2.1.1.4), the way Samba's {@code streams_xattr}
 * keeps them: one user extended attribute per stream, {@code user.smbscope.stream.<name>}, holding the
 * stream's bytes, where the file's file system has user extended attributes; else in memory for the life of
 * the server, keyed by the file key (the {@link SecurityStore} pattern). Deleting or renaming the file takes
 * its extended attributes with it; the memory copy is dropped by {@link #forget}.
 *
 * <p>The name keeps the client's spelling; lookups ignore case ({@link StreamName#key}). In the attribute
 * name every byte of the UTF-8 name outside printable ASCII, and {@code %}, is written {@code %XX}, so the
 * attribute name is plain ASCII whatever the stream name holds. A stream must fit in one attribute value:
 * the file system's limit (ext4 keeps all of an inode's attributes in one block, about 4 KiB; XFS and btrfs
 * allow 64 KiB), else the write fails with "No space left on device", STATUS_DISK_FULL, as Samba answers. In
 * memory all streams together are held to {@link #MEMORY_LIMIT} (a stream counts 256 bytes more than its data).
 * Thread safe (one monitor: stream I/O is small).
 */
final class StreamStore {
    static final String PREFIX = "smbscope.stream.";
    /** Linux caps an extended attribute value at 64 KiB (XATTR_SIZE_MAX). */
    static final int MAX_SIZE = 65536;
    /** Linux caps an extended attribute name at 255 bytes, "user." included. */
    static final int MAX_XATTR_NAME = 255 - "user.".length();

    /** One stream: its name as created and its size. */
    record Entry(String name, long size) {
    }

    /** All streams kept in memory together (the fallback), at most: beyond it a write is STATUS_DISK_FULL. */
    static final long MEMORY_LIMIT = 64L << 20;

    private final Map<Object, Map<String, byte[]>> memory = new HashMap<>();
    private long memoryBytes;
    private final Map<FileStore, Boolean> xattrStores = new HashMap<>();

    /** The named streams of {@code base}, in creation order where the store keeps one. */
    synchronized List<Entry> list(Path base) throws IOException {
        List<Entry> out = new ArrayList<>();
        UserDefinedFileAttributeView v = view(base);
        if (v != null) {
            for (String a : v.list()) {
                if (a.startsWith(PREFIX)) {
                    String name = decode(a.substring(PREFIX.length()));
                    if (name != null) {
                        out.add(new Entry(name, v.size(a)));
                    }
                }
            }
            return out;
        }
        Map<String, byte[]> m = memory.get(key(base));
        if (m != null) {
            m.forEach((n, d) -> out.add(new Entry(n, d.length)));
        }
        return out;
    }

    /** The stored spelling of the stream {@code name} of {@code base} (ignoring case), or null. */
    synchronized String find(Path base, String name) throws IOException {
        String want = StreamName.key(name);
        for (Entry e : list(base)) {
            if (StreamName.key(e.name()).equals(want)) {
                return e.name();
            }
        }
        return null;
    }

    /** The bytes of the stream {@code stored} (as {@link #find} spells it); NoSuchFileException if gone. */
    synchronized byte[] read(Path base, String stored) throws IOException {
        UserDefinedFileAttributeView v = view(base);
        if (v != null) {
            String a = attribute(stored);
            try {
                ByteBuffer b = ByteBuffer.allocate(v.size(a));
                v.read(a, b);
                return b.array();
            } catch (IllegalArgumentException e) {
                // Jimfs: "attribute ... is not set"
                throw new NoSuchFileException(base + ":" + stored);
            } catch (FileSystemException e) {
                if (e instanceof NoSuchFileException || String.valueOf(e.getMessage()).contains("No data")) {
                    throw new NoSuchFileException(base + ":" + stored);
                }
                throw e;
            }
        }
        Map<String, byte[]> m = memory.get(key(base));
        byte[] d = m == null ? null : m.get(stored);
        if (d == null) {
            throw new NoSuchFileException(base + ":" + stored);
        }
        return d;
    }

    /** Sets the bytes of the stream {@code stored}, creating it; "No space left on device" if they cannot fit. */
    synchronized void write(Path base, String stored, byte[] data) throws IOException {
        if (data.length > MAX_SIZE) {
            throw full(base, stored);
        }
        UserDefinedFileAttributeView v = view(base);
        if (v != null) {
            try {
                v.write(attribute(stored), ByteBuffer.wrap(data));
            } catch (FileSystemException e) {
                String m = String.valueOf(e.getMessage());
                // ext4 answers ENOSPC, E2BIG or ERANGE for a value that does not fit, depending on what is there
                if (m.contains("No space left") || m.contains("Argument list too long") || m.contains("too large")
                        || m.contains("out of range")) {
                    throw full(base, stored);
                }
                throw e;
            }
            return;
        }
        Map<String, byte[]> m = memory.computeIfAbsent(key(base), k -> new LinkedHashMap<>());
        byte[] old = m.get(stored);
        long grown = cost(data) - (old == null ? 0 : cost(old));
        if (memoryBytes + grown > MEMORY_LIMIT) {
            throw full(base, stored);
        }
        m.put(stored, data);
        memoryBytes += grown;
    }

    /** Removes the stream {@code stored}; nothing if it is gone already. */
    synchronized void delete(Path base, String stored) throws IOException {
        UserDefinedFileAttributeView v = view(base);
        if (v != null) {
            try {
                v.delete(attribute(stored));
            } catch (IllegalArgumentException e) {
                // Jimfs: not set
            } catch (FileSystemException e) {
                if (!(e instanceof NoSuchFileException) && !String.valueOf(e.getMessage()).contains("No data")) {
                    throw e;
                }
            }
            return;
        }
        Map<String, byte[]> m = memory.get(key(base));
        byte[] gone = m == null ? null : m.remove(stored);
        if (gone != null) {
            memoryBytes -= cost(gone);
        }
    }

    /** Removes every named stream of {@code base} (an overwrite or supersede of the file). */
    synchronized void deleteAll(Path base) throws IOException {
        for (Entry e : list(base)) {
            delete(base, e.name());
        }
    }

    /** Renames the stream {@code from} to {@code to}, replacing {@code to} if it exists. */
    synchronized void rename(Path base, String from, String to) throws IOException {
        byte[] data = read(base, from);
        String old = find(base, to);
        if (old != null && !old.equals(from)) {
            delete(base, old);
        }
        delete(base, from);
        write(base, to, data);
    }

    /** The file {@code base} is being deleted: drop what memory holds for it. */
    synchronized void forget(Path base) {
        if (memory.isEmpty()) {
            return; // nothing kept in memory: no stat
        }
        try {
            Map<String, byte[]> gone = memory.remove(key(base));
            if (gone != null) {
                for (byte[] d : gone.values()) {
                    memoryBytes -= cost(d);
                }
            }
        } catch (IOException e) {
            // not there: nothing kept
        }
    }

    /** True if {@code stored} fits an extended attribute name (always true in memory). */
    synchronized boolean nameFits(Path base, String stored) {
        return view(base) == null || attribute(stored).length() <= MAX_XATTR_NAME;
    }

    private UserDefinedFileAttributeView view(Path base) {
        UserDefinedFileAttributeView v = Files.getFileAttributeView(base, UserDefinedFileAttributeView.class);
        if (v == null) {
            return null;
        }
        try {
            FileStore fs = Files.getFileStore(base);
            Boolean ok = xattrStores.get(fs);
            if (ok == null) {
                ok = fs.supportsFileAttributeView(UserDefinedFileAttributeView.class);
                if (ok) {
                    try {
                        v.list();
                    } catch (IOException | UnsupportedOperationException e) {
                        ok = false;
                    }
                }
                xattrStores.put(fs, ok);
            }
            return ok ? v : null;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return null;
        }
    }

    /** What one stream held in memory counts against {@link #MEMORY_LIMIT}: its bytes and a fixed overhead. */
    private static long cost(byte[] data) {
        return data.length + 256L;
    }

    private static FileSystemException full(Path base, String stored) {
        return new FileSystemException(base + ":" + stored, null, "No space left on device (stream does not fit)");
    }

    private static Object key(Path p) throws IOException {
        Object k = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
        return List.of(p.getFileSystem(), k != null ? k : p.toRealPath().toString());
    }

    /** The attribute name (without "user.") for stream {@code name}. */
    static String attribute(String name) {
        StringBuilder b = new StringBuilder(PREFIX);
        for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if (c > 0x20 && c < 0x7F && c != '%') {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return b.toString();
    }

    /**
     * The stream name an attribute suffix encodes, or null if it is not one {@link #attribute} writes for a valid
     * stream name.
     */
    static String decode(String encoded) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    return null;
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c > 0x20 && c < 0x7F) {
                out.write(c);
            } else {
                return null;
            }
        }
        String s = out.toString(StandardCharsets.UTF_8);
        // only names a client could have given (StreamName): anything else was not written by this server
        boolean valid = !s.isEmpty() && s.length() <= StreamName.MAX_NAME
                && s.chars().noneMatch(c -> c == 0 || c == '\\' || c == '/' || c == ':');
        return valid ? s : null;
    }
}
