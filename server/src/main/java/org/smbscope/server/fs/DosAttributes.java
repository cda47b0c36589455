package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.DosFileAttributeView;

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

    static void apply(Path p, int mask, boolean dos) {
        if (!dos) {
            return;
        }
        DosFileAttributeView v = Files.getFileAttributeView(p, DosFileAttributeView.class);
        if (v == null) {
            return;
        }
        try {
            v.setReadOnly((mask & FileAttribute.READONLY.bit()) != 0);
            v.setHidden((mask & FileAttribute.HIDDEN.bit()) != 0);
            v.setSystem((mask & FileAttribute.SYSTEM.bit()) != 0);
            v.setArchive((mask & FileAttribute.ARCHIVE.bit()) != 0);
        } catch (IOException | UnsupportedOperationException e) {
            // not stored on this file system
        }
    }
}
