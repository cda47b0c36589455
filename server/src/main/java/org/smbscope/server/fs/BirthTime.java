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

    static void write(Path p, FileTime t) {
        UserXattr.write(p, NAME, UserXattr.longs(t.value()));
    }
}
