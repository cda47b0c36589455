package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.DosFileAttributes;
import java.time.Instant;
import java.util.EnumSet;
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
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        boolean dir = a.isDirectory();
        EnumSet<FileAttribute> attrs = EnumSet.noneOf(FileAttribute.class);
        if (dir) {
            attrs.add(FileAttribute.DIRECTORY);
        }
        if (dos) {
            try {
                DosFileAttributes d = Files.readAttributes(p, DosFileAttributes.class);
                if (d.isReadOnly()) {
                    attrs.add(FileAttribute.READONLY);
                }
                if (d.isHidden()) {
                    attrs.add(FileAttribute.HIDDEN);
                }
                if (d.isSystem()) {
                    attrs.add(FileAttribute.SYSTEM);
                }
                if (d.isArchive()) {
                    attrs.add(FileAttribute.ARCHIVE);
                }
            } catch (IOException | UnsupportedOperationException e) {
                // no DOS attributes stored here (e.g. no extended attributes on this file system)
            }
        }
        if (attrs.isEmpty()) {
            attrs.add(dos ? FileAttribute.NORMAL : FileAttribute.ARCHIVE);
        }
        long size = dir ? 0 : a.size();
        long alloc = dir ? 0 : (size + CLUSTER - 1) / CLUSTER * CLUSTER;
        FileTime write = time(a.lastModifiedTime());
        if (xattr) {
            write = FarTimes.read(p, write);
        }
        FileTime change = write;
        long index = 0;
        long links = 1;
        if (p.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            try {
                // ChangeTime is reported as the last write time, as Samba does (smbtorture expects it)
                var u = Files.readAttributes(p, "unix:ino,nlink");
                if (u.get("ino") instanceof Long ino) {
                    index = ino;
                }
                if (u.get("nlink") instanceof Integer n) {
                    links = n;
                }
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
                // keep the defaults
            }
        }
        if (index == 0) {
            Object key = a.fileKey();
            index = key instanceof Number n ? n.longValue() : (key != null ? key.hashCode() : p.toString().hashCode())
                    & 0xFFFFFFFFL;
        }
        FileTime created = xattr ? BirthTime.read(p) : null;
        if (created == null) {
            created = time(a.creationTime());
        }
        return new FileFacts(dir, created, time(a.lastAccessTime()), write, change, size, alloc,
                attrs, index, links);
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
