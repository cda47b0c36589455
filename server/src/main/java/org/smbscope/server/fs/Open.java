package org.smbscope.server.fs;

import java.nio.channels.FileChannel;
import java.nio.file.Path;

import org.smbscope.codec.smb2.FileId;

/**
 * One open of a file or directory ([MS-SMB2] 3.3.1.10 Per Open): its id, granted access, sharing, the
 * channel for data, its per-handle state (position, mode, directory scan) and the per-file state it
 * shares with other opens of the same file.
 */
final class Open {
    final long id;
    final boolean directory;
    final int granted;
    final int share;
    final int mode;
    /** Where the next FileFullEaInformation query without RestartScan continues ({@link EaCommands}). */
    int eaCursor;
    final FileChannel channel;
    final FileState state;
    private volatile Path path;
    private volatile boolean deleteOnClose;
    private long position;
    private DirectoryScan scan;
    /** Delayed write-time state ({@link WriteTimes}), guarded by {@link #state}. */
    boolean writeTriggered;
    boolean updateOnClose;
    java.time.Instant updateAt;
    /**
     * The change time as of which the {@link MetaCache} keeps this file's values as this open found or stored them
     * ({@link FileFacts.Stat#UNKNOWN}: none); set by CREATE.
     */
    long metaChanged = FileFacts.Stat.UNKNOWN;
    /** This open created the file or wrote its data: its close {@link MetaCache#carry carries} the kept values. */
    volatile boolean carryMeta;
    /** Open.OplockLevel ([MS-SMB2] 3.3.1.10), guarded by {@link OpenFiles#lock}. */
    org.smbscope.codec.smb2.OplockLevel oplock = org.smbscope.codec.smb2.OplockLevel.NONE;
    /** Where this open's oplock breaks go, guarded by {@link OpenFiles#lock}. */
    org.smbscope.server.tree.BreakSender breaks = org.smbscope.server.tree.BreakSender.NONE;
    /** While Open.OplockState is Breaking: the level broken to, and what completes on ack, close or timeout. */
    org.smbscope.codec.smb2.OplockLevel breakTo;
    java.util.concurrent.CompletableFuture<Void> breakDone;
    /** A level II oplock was broken to none (no acknowledgment expected, so one is a protocol error). */
    boolean brokenFromLevelII;
    /** The named stream this open is of, as stored ({@link StreamStore}), or null for the file's own data. */
    volatile String stream;
    /** Open.ChannelSequence ([MS-SMB2] 3.3.1.10), guarded by this open's monitor. */
    int channelSequence;
    /** Durable state ([MS-SMB2] 3.3.1.10 Open.IsDurable...), or null; guarded by {@link OpenFiles#lock}. */
    Durable durable;
    /** ClientGuid/CreateGuid of the DH2Q CREATE that made it (a replay finds it), or null. */
    String createKey;
    /** What that CREATE did (a replay answers the same). */
    org.smbscope.codec.smb2.CreateAction action = org.smbscope.codec.smb2.CreateAction.OPENED;
    /** The lease this open shares ([MS-SMB2] 3.3.1.10 Open.Lease), or null; guarded by {@link OpenFiles#lock}. */
    Lease lease;
    /** FSCTL_LMR_REQUEST_RESILIENCY was granted ([MS-SMB2] 3.3.5.15.9). */
    volatile boolean resilient;
    /** Open.LockSequenceArray ([MS-SMB2] 3.3.1.10): entry i is the last lock sequence number of index i+1, or -1. */
    private final int[] lockSequences = filled();

    private static int[] filled() {
        int[] a = new int[64];
        java.util.Arrays.fill(a, -1);
        return a;
    }

    /** True if lock sequence {@code seq} of index {@code index} (1..64) was the last one done. */
    synchronized boolean lockReplayed(int index, int seq) {
        return lockSequences[index - 1] == seq;
    }

    synchronized void lockSequence(int index, int seq) {
        lockSequences[index - 1] = seq;
    }

    Open(long id, Path path, boolean directory, int granted, int share, int mode, FileChannel channel,
            FileState state) {
        this.id = id;
        this.path = path;
        this.directory = directory;
        this.granted = granted;
        this.share = share;
        this.mode = mode;
        this.channel = channel;
        this.state = state;
    }

    FileId fileId() {
        return new FileId(id, id);
    }

    Path path() {
        return path;
    }

    void moved(Path to) {
        path = to;
    }

    boolean deleteOnClose() {
        return deleteOnClose;
    }

    void deleteOnClose(boolean on) {
        deleteOnClose = on;
    }

    boolean has(int right) {
        return (granted & right) != 0;
    }

    synchronized long position() {
        return position;
    }

    synchronized void position(long p) {
        position = p;
    }

    synchronized DirectoryScan scan() {
        return scan;
    }

    synchronized void scan(DirectoryScan s) {
        scan = s;
    }

    @Override
    public String toString() {
        return "Open[" + id + " " + path + "]";
    }
}
