package org.smbscope.server.fs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.smbscope.codec.smb2.OplockBreak;
import org.smbscope.codec.smb2.OplockLevel;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.BreakSender;

/**
 * SMB2 oplocks on the opens of one server ([MS-SMB2] 3.3.5.9 step "oplock", 3.3.4.6, 3.3.5.22.1;
 * [MS-FSA] 2.1.5.17): BATCH or EXCLUSIVE for the only open of a file, LEVEL_II when other opens hold none
 * or level II. A conflicting open breaks a batch/exclusive holder (to level II, or to none when it
 * overwrites) and waits for the acknowledgment, the holder's close or the timeout; a write, size change
 * or lock breaks every level II holder to none without waiting. State changes hold {@link OpenFiles#lock};
 * notifications are sent after it is released ({@link Notices}).
 */
final class Oplocks {
    static final NtStatus INVALID_OPLOCK_PROTOCOL = new NtStatus(0xC00000E3);
    /** Access that makes a "stat open" (attributes and SYNCHRONIZE only), which breaks no oplock. */
    private static final int STAT_RIGHTS = 0x80 | 0x100 | 0x100000;

    private Oplocks() {
    }

    /** Notifications to send once {@link OpenFiles#lock} is released. */
    static final class Notices {
        private final List<Runnable> sends = new ArrayList<>();

        void add(Runnable r) {
            sends.add(r);
        }

        /**
         * Sends on a thread of its own: a holder's connection that does not read (smbtorture batch22a blocks
         * it) must not hold up the request that caused the break, nor its timer. The request waits a little for
         * it, though, so that the break normally reaches the holder before the request's own (interim) response
         * and any later response on the connection (smbtorture lease.rename_wait).
         */
        void send() {
            if (sends.isEmpty()) {
                return;
            }
            List<Runnable> batch = List.copyOf(sends);
            sends.clear();
            // a platform thread: virtual threads may all wait for carriers pinned by blocking reads
            Thread t = Thread.ofPlatform().daemon().name("oplock-break").start(() -> batch.forEach(Runnable::run));
            try {
                t.join(java.time.Duration.ofMillis(250));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether {@code h} is an open of the stream {@code stream} (null: of the file's own data). */
    static boolean onStream(Open h, String stream) {
        return stream == null ? h.stream == null
                : h.stream != null && org.smbscope.server.share.StreamName.key(h.stream)
                        .equals(org.smbscope.server.share.StreamName.key(stream));
    }

    /** CREATE must wait for {@link #done} (breaks acknowledged, holders closed or timed out) and then retry. */
    static final class Wait extends Exception {
        final transient CompletableFuture<Void> done;

        Wait(CompletableFuture<Void> done) {
            super("oplock break pending", null, false, false);
            this.done = done;
        }
    }

    /**
     * Before an open of an existing file checks share modes (caller holds {@link OpenFiles#lock}): starts the
     * breaks the new open causes, throwing {@link Wait} when it must wait for them.
     */
    static void beforeOpen(OpenFiles files, FileState state, int granted, int shareAccess, boolean overwrite,
            Notices notices) throws Wait {
        beforeOpen(files, state, granted, shareAccess, overwrite, null, notices);
    }

    /**
     * As above, for an open that asks for lease {@code lease} (null: none), whose own opens it does not break.
     * A disconnected durable holder is closed rather than broken, as Windows does.
     */
    static void beforeOpen(OpenFiles files, FileState state, int granted, int shareAccess, boolean overwrite,
            Lease.Id lease, Notices notices) throws Wait {
        beforeOpen(files, state, granted, shareAccess, overwrite, lease, notices, null, false);
    }

    /**
     * As above, for an open of the named stream {@code stream} (null: the file's own data): oplocks and leases
     * are per stream (smbtorture oplock.stream1, oplock.batch26), only the holders on the same stream count. An
     * open that will delete the file ({@code deleting}) takes other leases' handle caching (lease.unlink).
     */
    static void beforeOpen(OpenFiles files, FileState state, int granted, int shareAccess, boolean overwrite,
            Lease.Id lease, Notices notices, String stream, boolean deleting) throws Wait {
        boolean stat = !overwrite && (granted & ~STAT_RIGHTS) == 0;
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        Leases.beforeOpen(files, state, lease, granted, shareAccess, overwrite, notices, waits, stream, deleting);
        for (Open h : List.copyOf(state.opens)) {
            if (h.lease != null || !onStream(h, stream)) {
                continue;
            }
            if (h.breakDone != null) {
                if (!stat) {
                    waits.add(h.breakDone);
                }
                continue;
            }
            int level = h.oplock.value();
            if (level == OplockLevel.BATCH.value() || level == OplockLevel.EXCLUSIVE.value()) {
                if (stat) {
                    continue;
                }
                boolean conflict = ShareModes.conflicts(h.granted, h.share, granted, shareAccess);
                if (level == OplockLevel.EXCLUSIVE.value() && conflict) {
                    continue; // fails with a sharing violation, no break
                }
                if (h.durable != null && h.durable.disconnected()) {
                    // the file may be gone with it: the CREATE starts again
                    DurableOpens.purge(files, h);
                    waits.add(CompletableFuture.completedFuture(null));
                    continue;
                }
                CompletableFuture<Void> done = start(files, h, overwrite ? OplockLevel.NONE : OplockLevel.LEVEL_II,
                        notices);
                if (done != null) {
                    waits.add(done);
                }
            } else if (level == OplockLevel.LEVEL_II.value() && overwrite) {
                toNone(h, notices);
            }
        }
        if (!waits.isEmpty()) {
            throw new Wait(CompletableFuture.allOf(waits.toArray(new CompletableFuture[0])));
        }
    }

    /** The level a new open gets; {@code state.opens} does not hold it yet. Caller holds {@link OpenFiles#lock}. */
    static OplockLevel grant(FileState state, boolean directory, OplockLevel requested, BreakSender sender) {
        return grant(state, directory, requested, sender, null);
    }

    /** As above, for an open of the named stream {@code stream} (null: the file's own data). */
    static OplockLevel grant(FileState state, boolean directory, OplockLevel requested, BreakSender sender,
            String stream) {
        int want = requested.value();
        if (directory || sender == BreakSender.NONE || (want != OplockLevel.BATCH.value()
                && want != OplockLevel.EXCLUSIVE.value() && want != OplockLevel.LEVEL_II.value())) {
            return OplockLevel.NONE;
        }
        if (state.opens.stream().noneMatch(o -> onStream(o, stream))) {
            return requested;
        }
        for (Open o : state.opens) {
            if (!onStream(o, stream)) {
                continue;
            }
            if (o.breakDone != null || o.oplock.value() == OplockLevel.BATCH.value()
                    || o.oplock.value() == OplockLevel.EXCLUSIVE.value()
                    || o.lease != null && (o.lease.breaking || (o.lease.state & (Lease.W | Lease.H)) != 0)) {
                return OplockLevel.NONE;
            }
        }
        return OplockLevel.LEVEL_II;
    }

    /**
     * A write, size change or lock by {@code by}: every level II holder, {@code by} itself included (as Windows
     * and Samba do), goes to none; no acknowledgment is expected. Takes the lock.
     */
    static void dataChanged(OpenFiles files, Open by) {
        Notices notices = new Notices();
        files.lock.lock();
        try {
            for (Open h : by.state.opens) {
                if (h.breakDone == null && h.oplock.value() == OplockLevel.LEVEL_II.value()
                        && onStream(h, by.stream)) {
                    toNone(h, notices);
                }
            }
            Leases.dataChanged(files, by, notices);
        } finally {
            files.lock.unlock();
        }
        notices.send();
    }

    /** [MS-SMB2] 3.3.5.22.1: the acknowledgment of a break of {@code o}. */
    static OplockBreak acknowledge(OpenFiles files, Open o, OplockLevel level) throws Failure {
        CompletableFuture<Void> done;
        Failure failure = null;
        files.lock.lock();
        try {
            done = o.breakDone;
            if (done == null) {
                // a level II break to none takes no acknowledgment: Windows (smbtorture levelii500) answers
                // STATUS_INVALID_OPLOCK_PROTOCOL; with no break at all, 3.3.5.22.1's STATUS_INVALID_DEVICE_STATE
                throw new Failure(o.brokenFromLevelII ? INVALID_OPLOCK_PROTOCOL : NtStatus.INVALID_DEVICE_STATE);
            }
            OplockLevel to = o.breakTo;
            o.breakDone = null;
            o.breakTo = null;
            if (level.value() == OplockLevel.LEASE.value()) {
                o.oplock = OplockLevel.NONE;
                failure = new Failure(NtStatus.INVALID_PARAMETER);
            } else if (level.value() > to.value()) {
                o.oplock = OplockLevel.NONE;
                failure = new Failure(INVALID_OPLOCK_PROTOCOL);
            } else {
                o.oplock = level;
            }
        } finally {
            files.lock.unlock();
        }
        done.complete(null);
        if (failure != null) {
            throw failure;
        }
        return new OplockBreak(level, o.fileId());
    }

    /** {@code o} is closing (caller holds {@link OpenFiles#lock}): a create waiting for its break may go on. */
    static CompletableFuture<Void> closing(Open o) {
        CompletableFuture<Void> done = o.breakDone;
        o.breakDone = null;
        o.breakTo = null;
        o.oplock = OplockLevel.NONE;
        return done;
    }

    private static CompletableFuture<Void> start(OpenFiles files, Open h, OplockLevel to, Notices notices) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        h.breakTo = to;
        h.breakDone = done;
        BreakSender sender = h.breaks;
        long millis = files.breakTimeout().toMillis();
        CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS).execute(() -> expire(files, h, done));
        notices.add(() -> {
            if (!sender.oplockBreak(h.fileId(), to)) {
                expire(files, h, done);
            }
        });
        return done;
    }

    /** [MS-SMB2] 3.3.2.1 oplock break acknowledgment timer: no answer, the oplock goes to none. */
    private static void expire(OpenFiles files, Open h, CompletableFuture<Void> done) {
        files.lock.lock();
        try {
            if (h.breakDone != done) {
                return;
            }
            h.breakDone = null;
            h.breakTo = null;
            h.oplock = OplockLevel.NONE;
        } finally {
            files.lock.unlock();
        }
        done.complete(null);
    }

    private static void toNone(Open h, Notices notices) {
        h.oplock = OplockLevel.NONE;
        h.brokenFromLevelII = true;
        BreakSender sender = h.breaks;
        notices.add(() -> sender.oplockBreak(h.fileId(), OplockLevel.NONE));
    }
}
