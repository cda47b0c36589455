package org.smbscope.client;

import java.time.Instant;

/**
 * A directory entry or a file's metadata: name, FILE_ATTRIBUTE_* bits ([MS-FSCC] 2.6), sizes and
 * the four times.
 */
public record FileEntry(String name, int attributes, long size, long allocationSize, Instant creationTime,
        Instant lastAccessTime, Instant lastWriteTime, Instant changeTime) {
    public static final int READONLY = 0x1;
    public static final int HIDDEN = 0x2;
    public static final int SYSTEM = 0x4;
    public static final int DIRECTORY = 0x10;
    public static final int ARCHIVE = 0x20;
    public static final int NORMAL = 0x80;

    public boolean isDirectory() {
        return (attributes & DIRECTORY) != 0;
    }
}
