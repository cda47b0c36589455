package org.smbscope.server.fs;

import java.util.ArrayList;
import java.util.List;

/**
 * What all opens of one file share ([MS-FSA] 2.1.1.4 Stream, Per File): the opens themselves (for share
 * modes), the delete-pending flag and the byte-range locks. Guarded by {@link OpenFiles#lock}, except the
 * locks, which guard themselves. {@link #opens} changes only while holding both {@link OpenFiles#lock} and
 * this object's monitor, so code holding either one may read it ({@link WriteTimes} holds only the monitor).
 */
final class FileState {
    final Object key;
    final List<Open> opens = new ArrayList<>();
    final ByteRangeLocks locks = new ByteRangeLocks();
    boolean deletePending;
    /** Named streams ({@link org.smbscope.server.share.StreamName#key}) to delete when their last open closes. */
    final java.util.Set<String> streamDeletes = new java.util.HashSet<>();
    /** A write time a client set (guarded by this), and the open that set it. */
    java.nio.file.attribute.FileTime stickyWrite;
    Open stickyOwner;
    /**
     * Held around a WRITE's data write and its write-time bookkeeping ({@link WriteTimes#before}, {@link
     * WriteTimes#written}): writes to one file run one after the other, parked here rather than spinning in the kernel
     * on the inode's lock (two 8 MiB WRITEs in flight on a file), and each write's modification time is put back before
     * the next one reads it.
     */
    final java.util.concurrent.locks.ReentrantLock writing = new java.util.concurrent.locks.ReentrantLock();

    FileState(Object key) {
        this.key = key;
    }
}
