package org.smbscope.server.fs;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import org.smbscope.codec.dtyp.FileTime;

/**
 * A file's creation time where the file system cannot keep one (Linux file systems report no settable
 * birth time): kept as a user extended attribute {@code user.smbscope.btime} holding the FILETIME,
 * written when this server creates a file or a client sets the creation time. Best effort.
 */
final class BirthTime {
    static final String NAME = "smbscope.btime";

    private BirthTime() {
    }

    /** The stored creation time, or null. */
    static FileTime read(Path p) {
        ByteBuffer b = UserXattr.read(p, NAME, 8);
        return b == null ? null : new FileTime(b.getLong());
    }

    /** The stored creation time of {@code p} whose stat is {@code st}, as {@code meta} (may be null) keeps it. */
    static FileTime read(Path p, FileFacts.Stat st, MetaCache meta) {
        if (meta == null) {
            return read(p);
        }
        Long t = meta.get(p, st, MetaCache.BIRTH, () -> {
            FileTime f = read(p);
            return f == null ? null : f.value();
        });
        return t == null ? null : new FileTime(t);
    }

    /** Stores {@code t} on a file this server has just created (its creator {@link MetaCache#forget forgets} it). */
    static void writeNew(Path p, FileTime t) {
        UserXattr.write(p, NAME, UserXattr.longs(t.value()));
    }

    /** Stores {@code t} on {@code p}, and {@code meta} forgets what it kept of it. */
    static void write(Path p, FileTime t, MetaCache meta) {
        writeNew(p, t);
        meta.forget(p);
    }
}
