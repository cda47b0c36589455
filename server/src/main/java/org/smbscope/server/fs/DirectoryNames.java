package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Windows' case-insensitive name lookup ([MS-FSA] 2.1.5.1: names compare ignoring case) in directories of a
 * case-sensitive file system, without listing a large directory for every name it does not hold: every CREATE
 * of a new name needs the lookup, so putting n files into one directory listed it n times (a quadratic cost
 * that took a third of the server's CPU for 2,000 files). The names of a directory with at least
 * {@link #MIN_ENTRIES} entries are kept, folded, with the directory's identity and modification time when they
 * were read; a lookup reads the directory's attributes and uses them while both still match. Names this server
 * adds itself ({@link #added}) are put in and the time moved on, so a directory being filled is listed once.
 *
 * <p>Kept only where the file system shows modification times finer than a second (a directory changed twice
 * within one coarse tick would look unchanged). A name another program creates in a directory in the same
 * instant as this server adds one there can be missed by the lookup until the directory changes again; the
 * exact name is always found (the caller looks it up first).
 */
final class DirectoryNames {
    /** Smaller directories are listed for each lookup: cheap enough, and nothing to keep. */
    static final int MIN_ENTRIES = 64;
    /** Directories remembered, least recently used dropped first. */
    static final int MAX_DIRECTORIES = 32;

    private record Stamp(Object key, FileTime modified) {
        static Stamp of(BasicFileAttributes a) {
            return a.fileKey() == null ? null : new Stamp(a.fileKey(), a.lastModifiedTime());
        }
    }

    private static final class Listing {
        Stamp stamp;
        final Map<String, String> byFolded;

        Listing(Stamp stamp, Map<String, String> byFolded) {
            this.stamp = stamp;
            this.byFolded = byFolded;
        }
    }

    private final Map<Path, Listing> listings = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Listing> eldest) {
            return size() > MAX_DIRECTORIES;
        }
    };

    /**
     * The entry of the directory {@code dir} (whose attributes, read just now, are {@code attrs}) whose name equals
     * {@code name} ignoring case, or null.
     */
    Path find(Path dir, BasicFileAttributes attrs, String name) {
        Stamp stamp = cacheable(dir, attrs) ? Stamp.of(attrs) : null;
        String folded = fold(name);
        if (stamp != null) {
            synchronized (listings) {
                Listing l = listings.get(dir);
                if (l != null && l.stamp.equals(stamp)) {
                    String found = l.byFolded.get(folded);
                    return found == null ? null : dir.resolve(found);
                }
            }
        }
        List<String> names = list(dir);
        if (names == null) {
            return null;
        }
        String found = null;
        Map<String, String> byFolded = stamp != null && names.size() >= MIN_ENTRIES ? new HashMap<>() : null;
        boolean ascii = isAscii(name);
        for (String f : names) {
            if (byFolded != null) {
                byFolded.putIfAbsent(fold(f), f);
            } else if (sameIgnoringCase(f, name, folded, ascii)) {
                found = f;
                break;
            }
        }
        if (byFolded != null) {
            found = byFolded.get(folded);
            synchronized (listings) {
                listings.put(dir, new Listing(stamp, byFolded));
            }
        }
        return found == null ? null : dir.resolve(found);
    }

    /**
     * This server has just created {@code p}: a kept listing of its directory that was current learns the name
     * and the directory's new time. Without this call the next lookup lists the directory again.
     */
    void added(Path p) {
        Path dir = p.getParent();
        Path file = p.getFileName();
        if (dir == null || file == null) {
            return;
        }
        synchronized (listings) {
            if (!listings.containsKey(dir)) {
                return;
            }
        }
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(dir, BasicFileAttributes.class);
        } catch (IOException e) {
            forget(dir);
            return;
        }
        Stamp now = cacheable(dir, a) ? Stamp.of(a) : null;
        synchronized (listings) {
            Listing l = listings.get(dir);
            if (l == null) {
                return;
            }
            if (now == null || !now.key().equals(l.stamp.key())) {
                listings.remove(dir);
                return;
            }
            l.byFolded.putIfAbsent(fold(file.toString()), file.toString());
            l.stamp = now;
        }
    }

    /** Drops what is kept about {@code dir}. */
    void forget(Path dir) {
        synchronized (listings) {
            listings.remove(dir);
        }
    }

    /** Directories kept now (for tests). */
    int size() {
        synchronized (listings) {
            return listings.size();
        }
    }

    private static boolean cacheable(BasicFileAttributes a) {
        return a.isDirectory() && a.fileKey() != null && a.lastModifiedTime().toInstant().getNano() != 0;
    }

    private static boolean cacheable(Path dir, BasicFileAttributes a) {
        // the default file system only: what its directories' times mean is known (Linux, Windows, macOS)
        return dir.getFileSystem() == FileSystems.getDefault() && cacheable(a);
    }

    private static List<String> list(Path dir) {
        if (dir.getFileSystem() == FileSystems.getDefault()) {
            // plain names from readdir, no Path per entry
            String[] names = dir.toFile().list();
            return names == null ? null : java.util.Arrays.asList(names);
        }
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path e : s) {
                Path f = e.getFileName();
                if (f != null) {
                    out.add(f.toString());
                }
            }
        } catch (IOException | SecurityException e) {
            return null;
        }
        return out;
    }

    private static String fold(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    /** {@code f.toUpperCase(ROOT).equals(want)}, without upper-casing when both names are ASCII. */
    private static boolean sameIgnoringCase(String f, String name, String want, boolean ascii) {
        if (ascii && isAscii(f)) {
            return f.length() == name.length() && f.equalsIgnoreCase(name);
        }
        return fold(f).equals(want);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
