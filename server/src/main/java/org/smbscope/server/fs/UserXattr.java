package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;

/**
 * Small fixed-size values kept in a file's user extended attributes ({@code user.NAME}), where the file system
 * has them: nothing is kept, and nothing read, elsewhere. Any failure reads as "not there" and writes as "not
 * kept" (Jimfs throws IllegalArgumentException for an unset attribute).
 */
final class UserXattr {
    private UserXattr() {
    }

    /** The {@code size} bytes of attribute {@code name}, little-endian and ready to read, or null. */
    static ByteBuffer read(Path p, String name, int size) {
        UserDefinedFileAttributeView v = Files.getFileAttributeView(p, UserDefinedFileAttributeView.class);
        if (v == null) {
            return null;
        }
        try {
            ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
            return v.read(name, b) == size ? b.flip() : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Sets attribute {@code name} to the remaining bytes of {@code value}, if the file system keeps it. */
    static void write(Path p, String name, ByteBuffer value) {
        UserDefinedFileAttributeView v = Files.getFileAttributeView(p, UserDefinedFileAttributeView.class);
        if (v == null) {
            return;
        }
        try {
            v.write(name, value);
        } catch (IOException | RuntimeException e) {
            // not kept on this file system
        }
    }

    /** A little-endian buffer of {@code longs}, ready to write. */
    static ByteBuffer longs(long... longs) {
        ByteBuffer b = ByteBuffer.allocate(8 * longs.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long l : longs) {
            b.putLong(l);
        }
        return b.flip();
    }
}
