package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;

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
        UserDefinedFileAttributeView v = Files.getFileAttributeView(p, UserDefinedFileAttributeView.class);
        if (v == null) {
            return null;
        }
        try {
            ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
            if (v.read(NAME, b) != 8) {
                return null;
            }
            return new FileTime(b.flip().getLong());
        } catch (IOException | RuntimeException e) { // Jimfs: IllegalArgumentException for an unset attribute
            return null;
        }
    }

    static void write(Path p, FileTime t) {
        UserDefinedFileAttributeView v = Files.getFileAttributeView(p, UserDefinedFileAttributeView.class);
        if (v == null) {
            return;
        }
        try {
            v.write(NAME, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, t.value()));
        } catch (IOException | UnsupportedOperationException | SecurityException | IllegalArgumentException e) {
            // not kept on this file system
        }
    }
}
