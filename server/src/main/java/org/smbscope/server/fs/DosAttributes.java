package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.DosFileAttributeView;
import java.nio.file.attribute.UserDefinedFileAttributeView;

import org.smbscope.codec.fscc.FileAttribute;

/**
 * Stores the DOS attributes SMB sets (READONLY, HIDDEN, SYSTEM, ARCHIVE, [MS-FSCC] 2.6) where the file
 * system keeps them ({@code dos} view: NTFS, or Linux extended attributes). Best effort: a file system
 * without them keeps nothing.
 */
final class DosAttributes {
    static final int SETTABLE = 0x1 | 0x2 | 0x4 | 0x20;

    private DosAttributes() {
    }

    /** Linux's {@code dos} view keeps the attributes in {@code user.DOSATTRIB} as text, e.g. "0x20". */
    private static final boolean LINUX = System.getProperty("os.name", "").startsWith("Linux");
    private static final String LINUX_XATTR = "DOSATTRIB";

    /**
     * Stores {@code mask} on {@code p}, a file this server has just created (no attribute stored yet): where the
     * {@code dos} view is Linux's, with one write of its extended attribute instead of a read and a write per
     * attribute. The attributes now stored (0 when none could be).
     */
    static int applyNew(Path p, int mask, boolean dos) {
        int m = mask & SETTABLE;
        if (!dos || m == 0) {
            return 0;
        }
        if (LINUX && p.getFileSystem() == FileSystems.getDefault()) {
            UserDefinedFileAttributeView v = Files.getFileAttributeView(p, UserDefinedFileAttributeView.class);
            if (v != null) {
                byte[] text = ("0x" + Integer.toHexString(m)).getBytes(StandardCharsets.US_ASCII);
                ByteBuffer b = ByteBuffer.allocate(text.length + 1).put(text).put((byte) 0).flip();
                try {
                    v.write(LINUX_XATTR, b);
                    return m;
                } catch (IOException | RuntimeException e) {
                    return 0;
                }
            }
        }
        return store(p, m, dos) ? m : 0;
    }

    /** Stores {@code mask} on {@code p}, and {@code meta} forgets what it kept of it. */
    static boolean apply(Path p, int mask, boolean dos, MetaCache meta) {
        boolean stored = store(p, mask, dos);
        if (dos) {
            meta.forget(p);
        }
        return stored;
    }

    /** Stores {@code mask} on {@code p}; the caller makes the {@link MetaCache} forget the file. */
    private static boolean store(Path p, int mask, boolean dos) {
        if (!dos) {
            return false;
        }
        DosFileAttributeView v = Files.getFileAttributeView(p, DosFileAttributeView.class);
        if (v == null) {
            return false;
        }
        try {
            v.setReadOnly((mask & FileAttribute.READONLY.bit()) != 0);
            v.setHidden((mask & FileAttribute.HIDDEN.bit()) != 0);
            v.setSystem((mask & FileAttribute.SYSTEM.bit()) != 0);
            v.setArchive((mask & FileAttribute.ARCHIVE.bit()) != 0);
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            // not stored on this file system
            return false;
        }
    }
}
