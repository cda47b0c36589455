package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.smbscope.codec.dtyp.FileTime;

/**
 * Last write times java.nio cannot set: it passes times to the file system in nanoseconds since 1970 in a
 * {@code long}, so anything after 2262-04-11 is clamped. Such a time is kept in the user extended attribute
 * {@code user.smbscope.mtime} (the FILETIME asked, and the clamped FILETIME the file system holds then) and
 * shown instead of the file system's as long as the file system still holds that clamped time: a later write
 * or a new time replaces it. Best effort, like {@link BirthTime}.
 */
final class FarTimes {
    static final String NAME = "smbscope.mtime";
    /** The last instant java.nio can set. */
    static final Instant LIMIT = Instant.ofEpochSecond(0, Long.MAX_VALUE);

    private FarTimes() {
    }

    static boolean beyond(FileTime t) {
        return t.value() > 0 && t.toInstant().isAfter(LIMIT);
    }

    /** Remembers that {@code asked} was set as {@code p}'s last write time. */
    static void write(Path p, FileTime asked) {
        try {
            FileTime held = FileFacts.time(Files.getLastModifiedTime(p));
            UserXattr.write(p, NAME, UserXattr.longs(asked.value(), held.value()));
        } catch (IOException e) {
            // the file went: nothing to remember
        }
    }

    /** The last write time to show for {@code p} whose file system time is {@code held}. */
    static FileTime read(Path p, FileTime held) {
        if (!held.toInstant().isAfter(LIMIT.minusSeconds(1))) {
            return held;
        }
        ByteBuffer b = UserXattr.read(p, NAME, 16);
        if (b == null) {
            return held;
        }
        long asked = b.getLong();
        return b.getLong() == held.value() ? new FileTime(asked) : held;
    }
}
