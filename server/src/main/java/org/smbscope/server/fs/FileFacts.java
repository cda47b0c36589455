package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributes;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.fscc.FileAttribute;

/**
 * What SMB tells about a file, read from the file system in one go ([MS-FSCC] 2.4.7 basic, 2.4.41 standard,
 * 2.4.20 internal information): times as FILETIMEs, sizes, the attribute set and an index number.
 */
record FileFacts(boolean directory, FileTime creationTime, FileTime lastAccessTime, FileTime lastWriteTime,
        FileTime changeTime, long endOfFile, long allocationSize, Set<FileAttribute> attributes, long indexNumber,
        long links) {
    static final int CLUSTER = 4096;

    static FileFacts read(Path p, boolean dos) throws IOException {
        return read(p, dos, false);
    }

    static FileFacts read(Path p, boolean dos, boolean xattr) throws IOException {
        return read(p, dos, xattr, null);
    }

    static FileFacts read(Path p, boolean dos, boolean xattr, MetaCache meta) throws IOException {
        return read(p, stat(p), dos, xattr, meta);
    }

    /** The facts of {@code p} whose attributes {@code s} were read just now. */
    static FileFacts read(Path p, Stat s, boolean dos, boolean xattr) {
        return read(p, s, dos, xattr, null);
    }

    /**
     * The facts of {@code p} whose attributes {@code s} were read just now; its DOS attributes and kept creation
     * time as {@code meta} (may be null) has them for that stat.
     */
    static FileFacts read(Path p, Stat s, boolean dos, boolean xattr, MetaCache meta) {
        int mask = dos ? (meta == null ? dosMask(p) : meta.get(p, s, MetaCache.DOS, () -> dosMask(p))) : 0;
        FileTime created = xattr ? BirthTime.read(p, s, meta) : null;
        FileTime write = time(s.modified());
        if (xattr) {
            write = FarTimes.read(p, write);
        }
        return of(s, mask, dos, created, write);
    }

    /**
     * The facts of a file this server has just created and stat'ed ({@code s}): its DOS attributes and creation
     * time are the ones just stored ({@code created} null: the file system's), so nothing more is read.
     */
    static FileFacts created(Stat s, int dosMask, boolean dos, FileTime created) {
        return of(s, dosMask, dos, created, time(s.modified()));
    }

    private static FileFacts of(Stat s, int dosMask, boolean dos, FileTime created, FileTime write) {
        boolean dir = s.directory();
        EnumSet<FileAttribute> attrs = EnumSet.noneOf(FileAttribute.class);
        if (dir) {
            attrs.add(FileAttribute.DIRECTORY);
        }
        if ((dosMask & FileAttribute.READONLY.bit()) != 0) {
            attrs.add(FileAttribute.READONLY);
        }
        if ((dosMask & FileAttribute.HIDDEN.bit()) != 0) {
            attrs.add(FileAttribute.HIDDEN);
        }
        if ((dosMask & FileAttribute.SYSTEM.bit()) != 0) {
            attrs.add(FileAttribute.SYSTEM);
        }
        if ((dosMask & FileAttribute.ARCHIVE.bit()) != 0) {
            attrs.add(FileAttribute.ARCHIVE);
        }
        if (attrs.isEmpty()) {
            attrs.add(dos ? FileAttribute.NORMAL : FileAttribute.ARCHIVE);
        }
        long size = dir ? 0 : s.size();
        long alloc = dir ? 0 : (size + CLUSTER - 1) / CLUSTER * CLUSTER;
        // ChangeTime is reported as the last write time, as Samba does (smbtorture expects it)
        FileTime change = write;
        return new FileFacts(dir, created != null ? created : time(s.created()), time(s.accessed()), write, change,
                size, alloc, attrs, s.index(), s.links());
    }

    /** READONLY, HIDDEN, SYSTEM and ARCHIVE as the file system's {@code dos} view keeps them (0: none kept). */
    private static int dosMask(Path p) {
        try {
            DosFileAttributes d = Files.readAttributes(p, DosFileAttributes.class);
            return (d.isReadOnly() ? FileAttribute.READONLY.bit() : 0) | (d.isHidden() ? FileAttribute.HIDDEN.bit() : 0)
                    | (d.isSystem() ? FileAttribute.SYSTEM.bit() : 0) | (d.isArchive() ? FileAttribute.ARCHIVE.bit() : 0);
        } catch (IOException | UnsupportedOperationException e) {
            // no DOS attributes stored here (e.g. no extended attributes on this file system)
            return 0;
        }
    }

    /**
     * What one stat of a file tells: type, size, times, the file key, the index number (inode) and the link count.
     * Read in one system call where the file system has the "unix" view (the basic view lacks inode and links),
     * which also tells the change time ({@code changed}, ctime in nanoseconds since 1970; else {@link #UNKNOWN}).
     */
    record Stat(boolean directory, long size, java.nio.file.attribute.FileTime created,
            java.nio.file.attribute.FileTime accessed, java.nio.file.attribute.FileTime modified, Object fileKey,
            long index, long links, boolean symbolicLink, long changed) {
        /** {@link #changed} when the file system tells no change time. */
        static final long UNKNOWN = Long.MIN_VALUE;
    }

    private static final String UNIX = "unix:isDirectory,isSymbolicLink,size,creationTime,lastAccessTime,"
            + "lastModifiedTime,fileKey,ino,nlink,ctime";

    /** One stat of {@code p} (following links, unless {@code options} say not to). */
    static Stat stat(Path p, java.nio.file.LinkOption... options) throws IOException {
        if (p.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            try {
                Map<String, Object> u = Files.readAttributes(p, UNIX, options);
                long index = u.get("ino") instanceof Long ino ? ino : 0;
                Object key = u.get("fileKey");
                if (index == 0) {
                    index = indexOf(key, p);
                }
                return new Stat(Boolean.TRUE.equals(u.get("isDirectory")), (Long) u.get("size"),
                        (java.nio.file.attribute.FileTime) u.get("creationTime"),
                        (java.nio.file.attribute.FileTime) u.get("lastAccessTime"),
                        (java.nio.file.attribute.FileTime) u.get("lastModifiedTime"), key,
                        index, u.get("nlink") instanceof Integer n ? n : 1, Boolean.TRUE.equals(u.get("isSymbolicLink")),
                        u.get("ctime") instanceof java.nio.file.attribute.FileTime c ? nanos(c) : Stat.UNKNOWN);
            } catch (UnsupportedOperationException | IllegalArgumentException | ClassCastException
                    | NullPointerException e) {
                // an unexpected "unix" view: the basic one below
            }
        }
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, options);
        return new Stat(a.isDirectory(), a.size(), a.creationTime(), a.lastAccessTime(), a.lastModifiedTime(),
                a.fileKey(), indexOf(a.fileKey(), p), 1, a.isSymbolicLink(), Stat.UNKNOWN);
    }

    /** {@code t} in nanoseconds since 1970 ({@link Stat#UNKNOWN} if it does not fit). */
    private static long nanos(java.nio.file.attribute.FileTime t) {
        Instant i = t.toInstant();
        try {
            return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000_000L), i.getNano());
        } catch (ArithmeticException e) {
            return Stat.UNKNOWN;
        }
    }

    private static long indexOf(Object key, Path p) {
        return key instanceof Number n ? n.longValue() : (key != null ? key.hashCode() : p.toString().hashCode())
                & 0xFFFFFFFFL;
    }

    static FileTime time(java.nio.file.attribute.FileTime t) {
        return time(t.toInstant());
    }

    static FileTime time(Instant i) {
        try {
            FileTime f = FileTime.of(i);
            return f.value() < 0 ? FileTime.ZERO : f;
        } catch (ArithmeticException e) {
            return FileTime.ZERO;
        }
    }

    int attributeMask() {
        return FileAttribute.toMask(attributes);
    }
}
