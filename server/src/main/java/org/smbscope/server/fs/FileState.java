package org.smbscope.server.fs;

import java.util.ArrayList;
import java.util.List;

/**
 * What all opens of one file share ([MS-FSA] 2.1.1.4 Stream, Per File): the opens themselves (for share
 * modes), the delete-pending flag and the byte-range locks. Guarded by the {@link OpenTable}'s lock,
 * except the locks, which guard themselves.
 */
final class FileState {
    final Object key;
    final List<Open> opens = new ArrayList<>();
    final ByteRangeLocks locks = new ByteRangeLocks();
    boolean deletePending;

    FileState(Object key) {
        this.key = key;
    }
}
