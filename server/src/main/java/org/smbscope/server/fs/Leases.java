package org.smbscope.server.fs;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.smb2.CreateContext;
import org.smbscope.codec.smb2.LeaseBreakAcknowledgment;
import org.smbscope.codec.smb2.LeaseBreakNotification;
import org.smbscope.codec.smb2.OplockLevel;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;
import org.smbscope.server.tree.BreakSender;

/**
 * SMB2 leases on the opens of one server ([MS-SMB2] 3.3.5.9.8 and 3.3.5.9.11 granting, 3.3.4.7 Lease Break
 * Notification, 3.3.5.22.2 acknowledgment; [MS-FSA] 2.1.5.17 lease semantics): a lease is found by ClientGuid +
 * LeaseKey ({@link Lease.Id}) and shared by every open made with that key; R is granted alongside other opens,
 * H alongside other H and R holders, W only to the file's only lease. A conflicting open breaks W (and H when
 * its sharing conflicts, everything when it overwrites) and waits for the acknowledgment; a write or lock
 * breaks other leases' R without waiting. State changes hold {@link OpenFiles#lock}; notifications go out
 * after ({@link Oplocks.Notices}).
 */
final class Leases {
    /** SMB2_NOTIFY_BREAK_LEASE_FLAG_ACK_REQUIRED. */
    static final int ACK_REQUIRED = 0x1;
    /** SMB2_LEASE_FLAG_BREAK_IN_PROGRESS. */
    static final int BREAK_IN_PROGRESS = 0x2;
    static final NtStatus REQUEST_NOT_ACCEPTED = new NtStatus(0xC00000D0);
    /** How many connections of one client a share remembers for lease breaks ({@link OpenFiles#clientSenders}). */
    private static final int MAX_SENDERS = 32;
    /** Attributes, READ_CONTROL and SYNCHRONIZE: a "stat open" breaks no lease (smbtorture lease.statopen4). */
    private static final int STAT_RIGHTS = 0x80 | 0x100 | 0x20000 | 0x100000;

    private Leases() {
    }

    /** What a CREATE asks: the request, or null when no lease applies (not asked, dialect 2.0.2). */
    static LeaseRequest applicable(LeaseRequest req, OplockLevel requested, boolean leasing) {
        if (req == null || !leasing || requested.value() != OplockLevel.LEASE.value()) {
            return null;
        }
        return req;
    }

    /** 3.3.5.9.8: a lease key already used for another file is refused (caller holds {@link OpenFiles#lock}). */
    static void check(OpenFiles files, Guid clientGuid, LeaseRequest req, Object fileKey) throws Failure {
        Lease l = files.leases.get(new Lease.Id(clientGuid, new Lease.Key(req.key())));
        if (l != null && !l.fileKey.equals(fileKey)) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
    }

    /** What a lease is for: the file, or one named stream of it (a stream's lease is its own, smbtorture lease.request). */
    static Object fileKey(FileState state, String stream) {
        return stream == null ? state.key : List.of(state.key, org.smbscope.server.share.StreamName.key(stream));
    }

    /** Whether {@code a} and {@code b} are opens of the same stream (or both of the file's own data). */
    private static boolean sameStream(Open a, Open b) {
        return Oplocks.onStream(b, a.stream);
    }

    static boolean isStat(Open o) {
        return (o.granted & ~STAT_RIGHTS) == 0;
    }

    /**
     * Breaks the leases (other than {@code requester}'s) that a new open conflicts with; adds what it must
     * wait for to {@code waits}. Disconnected durable holders are closed instead. Caller holds the lock.
     */
    static void beforeOpen(OpenFiles files, FileState state, Lease.Id requester, int granted, int shareAccess,
            boolean overwrite, Oplocks.Notices notices, List<CompletableFuture<Void>> waits, String stream,
            boolean deleting) {
        boolean stat = !overwrite && (granted & ~STAT_RIGHTS) == 0;
        Set<Lease> leases = new LinkedHashSet<>();
        for (Open h : state.opens) {
            if (h.lease != null && Oplocks.onStream(h, stream) && !h.lease.id.equals(requester)) {
                leases.add(h.lease);
            }
        }
        for (Lease l : leases) {
            boolean conflict = false;
            for (Open o : l.opens) {
                conflict |= ShareModes.conflicts(o.granted, o.share, granted, shareAccess);
            }
            conflict |= deleting; // the holder must close for the delete to happen, as Windows
            // the open waits only for the end of write caching, or of handle caching it conflicts with
            // (smbtorture lease.breaking4: an overwrite is not blocked by a break of RH)
            boolean wait = !stat && ((l.state & Lease.W) != 0 || conflict && (l.state & Lease.H) != 0);
            if (l.breaking) {
                if (wait && l.breakDone != null) {
                    waits.add(l.breakDone);
                    l.queuedTo &= overwrite ? 0 : stat ? l.breakTo : l.breakTo & (conflict ? ~Lease.H : ~Lease.W);
                }
                continue;
            }
            int to = l.state;
            if (overwrite) {
                to = 0;
            } else if (!stat) {
                // a sharing conflict takes handle caching (the holder may close), otherwise write caching goes
                // (smbtorture lease.break_twice: RWH to RW, then RW to R)
                // and a holder without H is not broken at all: the open fails with a sharing violation
                to &= conflict ? ~Lease.H : ~Lease.W;
            }
            if (to == l.state) {
                continue;
            }
            if (allDisconnected(l)) {
                for (Open o : List.copyOf(l.opens)) {
                    DurableOpens.purge(files, o);
                }
                waits.add(CompletableFuture.completedFuture(null)); // the file may be gone: start again
                continue;
            }
            CompletableFuture<Void> done = start(files, l, to, notices);
            if (done != null && wait) {
                waits.add(done);
            }
        }
    }

    private static boolean allDisconnected(Lease l) {
        for (Open o : l.opens) {
            if (o.durable == null || !o.durable.disconnected()) {
                return false;
            }
        }
        return !l.opens.isEmpty();
    }

    /**
     * Grants {@code req} to {@code open} (not yet in {@code state.opens}): joins or makes the lease and sets
     * the state it can have. Caller holds the lock.
     */
    static Lease grant(OpenFiles files, FileState state, Open open, LeaseRequest req, Guid clientGuid, boolean v2,
            BreakSender sender) {
        Lease.Id id = new Lease.Id(clientGuid, new Lease.Key(req.key()));
        Lease l = files.leases.get(id);
        int want = req.state() & (Lease.R | Lease.H | Lease.W);
        if ((want & Lease.R) == 0 || open.directory) {
            want = 0;
        }
        boolean others = false;
        for (Open o : state.opens) {
            if (o.lease != null && o.lease.id.equals(id) || !sameStream(o, open)) {
                continue;
            }
            int level = o.oplock.value();
            if (level == OplockLevel.BATCH.value() || level == OplockLevel.EXCLUSIVE.value() || o.breakDone != null) {
                want = 0;
            } else if (level == OplockLevel.LEVEL_II.value()) {
                want &= ~Lease.H; // beside an oplock holder, read caching only (smbtorture lease.oplock)
            }
            if (o.lease != null && o.lease.breaking) {
                want &= ~(Lease.W | Lease.H);
            }
            if (!isStat(o) || o.lease != null) {
                others = true;
            }
        }
        if (others) {
            want &= ~Lease.W;
        }
        if (l == null) {
            l = new Lease(id, fileKey(state, open.stream), v2, req.parentKey(), v2 ? req.epoch() : 0);
            l.state = want;
            if (v2) {
                l.epoch++;
            }
            files.leases.put(id, l);
        } else if (!l.breaking && want == (req.state() & (Lease.R | Lease.H | Lease.W)) && want != l.state
                && (want & l.state) == l.state) {
            // an upgrade happens only when all that is asked can be had (smbtorture lease.upgrade3, lease.break)
            l.state = want;
            if (l.v2) {
                l.epoch++;
            }
        }
        l.opens.add(open);
        l.breaks = sender;
        if (sender != BreakSender.NONE) {
            List<BreakSender> known = files.clientSenders.computeIfAbsent(clientGuid, g -> new ArrayList<>());
            if (!known.contains(sender)) {
                if (known.size() == MAX_SENDERS) {
                    known.remove(1); // keep the first connection; forget the oldest of the others
                }
                known.add(sender);
            }
        }
        open.lease = l;
        open.oplock = OplockLevel.LEASE;
        return l;
    }

    /**
     * A rename through {@code o} ([MS-FSA] 2.1.5.14.11): other leases on the file lose handle caching; the
     * rename waits for their acknowledgment (smbtorture lease.rename_wait, lease.v2_rename). Null if nothing
     * to wait for. Takes the lock.
     */
    static CompletableFuture<Void> beforeRename(OpenFiles files, Open o, Oplocks.Notices notices) {
        List<CompletableFuture<Void>> waits = new ArrayList<>();
        files.lock.lock();
        try {
            Set<Lease> leases = new LinkedHashSet<>();
            for (Open h : o.state.opens) {
                if (h.lease != null && h.lease != o.lease && (h.lease.state & Lease.H) != 0) {
                    leases.add(h.lease);
                }
            }
            for (Lease l : leases) {
                if (l.breaking) {
                    if (l.breakDone != null) {
                        waits.add(l.breakDone);
                    }
                    continue;
                }
                CompletableFuture<Void> done = start(files, l, l.state & ~Lease.H, notices);
                if (done != null) {
                    waits.add(done);
                }
            }
        } finally {
            files.lock.unlock();
        }
        return waits.isEmpty() ? null : CompletableFuture.allOf(waits.toArray(new CompletableFuture[0]));
    }

    /** {@code o} closes (caller holds the lock): it leaves its lease, which goes with its last open. */
    static void closing(OpenFiles files, Open o) {
        Lease l = o.lease;
        if (l == null) {
            return;
        }
        l.opens.remove(o);
        if (l.opens.isEmpty()) {
            files.leases.remove(l.id, l);
            if (files.leases.keySet().stream().noneMatch(id -> id.clientGuid().equals(l.id.clientGuid()))) {
                files.clientSenders.remove(l.id.clientGuid());
            }
            CompletableFuture<Void> done = l.breakDone;
            l.breaking = false;
            l.breakDone = null;
            if (done != null) {
                CompletableFuture.runAsync(() -> done.complete(null));
            }
        }
    }

    /** A write, size change or lock by {@code by}: other leases lose R (and H with it), no waiting. Holds the lock. */
    static void dataChanged(OpenFiles files, Open by, Oplocks.Notices notices) {
        Set<Lease> leases = new LinkedHashSet<>();
        for (Open h : by.state.opens) {
            if (h.lease != null && h.lease != by.lease && !h.lease.breaking && (h.lease.state & Lease.R) != 0
                    && sameStream(h, by)) {
                leases.add(h.lease);
            }
        }
        for (Lease l : leases) {
            start(files, l, 0, notices);
        }
    }

    /**
     * Starts breaking {@code l} to {@code to}: a break from a state with W or H takes an acknowledgment (the
     * returned future completes on it, on the last close or on the timeout); one from R alone takes none (null).
     */
    static CompletableFuture<Void> start(OpenFiles files, Lease l, int to, Oplocks.Notices notices) {
        int from = l.state;
        boolean ack = (from & (Lease.W | Lease.H)) != 0;
        if (l.v2) {
            l.epoch++;
        }
        LeaseBreakNotification n = new LeaseBreakNotification(l.v2 ? l.epoch & 0xFFFF : 0, ack ? ACK_REQUIRED : 0,
                l.id.key().bytes(), from, to, 0, 0, 0);
        BreakSender sender = sender(files, l);
        if (!ack) {
            l.state = to;
            notices.add(() -> sender.leaseBreak(n));
            return null;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        l.breaking = true;
        l.breakTo = to;
        l.queuedTo = to;
        l.breakDone = done;
        long millis = files.breakTimeout().toMillis();
        CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS).execute(() -> expire(files, l, done));
        notices.add(() -> {
            if (!sender.leaseBreak(n)) {
                unsent(files, l, done);
            }
        });
        return done;
    }

    /**
     * A break of {@code l} could not be sent: its connection is gone or going. If the lease's opens are durable,
     * that connection may be about to leave them disconnected (its reader has not seen the end yet): wait for that,
     * up to {@link CreateCommand#RELEASE_WAIT}, and let the waiting open start again (it then purges them, as Samba
     * does after its break-then-wait); otherwise the break expires at once, as before.
     */
    private static void unsent(OpenFiles files, Lease l, CompletableFuture<Void> done) {
        boolean durable;
        files.lock.lock();
        try {
            durable = l.breakDone == done && !l.opens.isEmpty() && l.opens.stream().allMatch(o -> o.durable != null);
        } finally {
            files.lock.unlock();
        }
        if (!durable) {
            expire(files, l, done);
            return;
        }
        Thread.ofVirtual().name("lease-release").start(() -> {
            CompletableFuture<Void> over = null;
            files.lock.lock();
            try {
                long left = CreateCommand.RELEASE_WAIT.toNanos();
                while (left > 0 && l.breakDone == done && !allDisconnected(l)) {
                    left = files.released.awaitNanos(left);
                }
                if (l.breakDone == done && allDisconnected(l)) {
                    over = holderGone(l);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                files.lock.unlock();
            }
            if (over != null) {
                over.complete(null);
            } else {
                expire(files, l, done);
            }
        });
    }

    /**
     * Every open of {@code l} is a disconnected durable open now (caller holds the lock): a break in progress ends
     * without an answer and without changing the lease; the future to complete (after the lock is let go) so that
     * the open waiting for it starts again and purges them, or null if no break was in progress.
     */
    static CompletableFuture<Void> holderGone(Lease l) {
        if (!l.breaking || !allDisconnected(l)) {
            return null;
        }
        CompletableFuture<Void> done = l.breakDone;
        l.breaking = false;
        l.breakDone = null;
        return done;
    }

    /**
     * Where a break of {@code l} goes: the client's first connection that takes it, else the connection of the
     * lease's oldest open (smbtorture lease.v2_complex1: a lease is broken on the client's first connection).
     */
    private static BreakSender sender(OpenFiles files, Lease l) {
        List<BreakSender> candidates = new ArrayList<>(files.clientSenders.getOrDefault(l.id.clientGuid(), List.of()));
        for (Open o : l.opens) {
            if (o.breaks != BreakSender.NONE && (o.durable == null || !o.durable.disconnected())) {
                candidates.add(o.breaks);
                break;
            }
        }
        candidates.add(l.breaks);
        return new BreakSender() {
            @Override
            public boolean oplockBreak(org.smbscope.codec.smb2.FileId fileId, OplockLevel newLevel) {
                return false;
            }

            @Override
            public boolean leaseBreak(LeaseBreakNotification n) {
                for (BreakSender s : candidates) {
                    if (s != BreakSender.NONE && s.leaseBreak(n)) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    /** No acknowledgment in time: the lease goes to the state it was broken to. */
    private static void expire(OpenFiles files, Lease l, CompletableFuture<Void> done) {
        files.lock.lock();
        try {
            if (l.breakDone != done) {
                return;
            }
            l.state = 0; // as Windows and Samba: an unanswered break takes the whole lease (smbtorture lease.timeout)
            l.breaking = false;
            l.breakDone = null;
        } finally {
            files.lock.unlock();
        }
        done.complete(null);
    }

    /** [MS-SMB2] 3.3.5.22.2: the Lease Break Acknowledgment of {@code clientGuid}'s lease. */
    static LeaseBreakAcknowledgment acknowledge(OpenFiles files, Guid clientGuid, LeaseBreakAcknowledgment ack)
            throws Failure {
        CompletableFuture<Void> done;
        Lease l;
        int state = ack.leaseState();
        files.lock.lock();
        try {
            l = files.leases.get(new Lease.Id(clientGuid, new Lease.Key(ack.leaseKey())));
            if (l == null) {
                throw new Failure(NtStatus.OBJECT_NAME_NOT_FOUND);
            }
            if (!l.breaking) {
                throw new Failure(NtStatus.UNSUCCESSFUL);
            }
            if ((state & ~l.breakTo) != 0) {
                throw new Failure(REQUEST_NOT_ACCEPTED); // still breaking (smbtorture lease.breaking2)
            }
            done = l.breakDone;
            l.state = state;
            if ((state & ~l.queuedTo) != 0 && !l.opens.isEmpty()) {
                // opens queued during the break need more: the next step, with the same epoch, while they wait
                int next = (state & Lease.W) != 0 ? state & ~Lease.W
                        : (state & Lease.H) != 0 ? state & ~Lease.H : 0;
                boolean more = (state & (Lease.W | Lease.H)) != 0;
                LeaseBreakNotification n = new LeaseBreakNotification(l.v2 ? l.epoch & 0xFFFF : 0,
                        more ? ACK_REQUIRED : 0, l.id.key().bytes(), state, next, 0, 0, 0);
                BreakSender sender = sender(files, l);
                // after this acknowledgment's response, on a thread of its own as every break (Oplocks.Notices)
                Thread.ofPlatform().daemon().name("lease-break").start(() -> sender.leaseBreak(n));
                if (more) {
                    l.breakTo = next;
                    return new LeaseBreakAcknowledgment(0, ack.leaseKey(), state, 0);
                }
                l.state = next;
            }
            l.breaking = false;
            l.breakDone = null;
        } finally {
            files.lock.unlock();
        }
        done.complete(null);
        return new LeaseBreakAcknowledgment(0, ack.leaseKey(), state, 0);
    }

    /** The RqLs response context ([MS-SMB2] 2.2.14.2.10 / 2.2.14.2.11). */
    static CreateContext response(Lease l) {
        boolean v2 = l.v2;
        WireWriter w = new WireWriter();
        int flags = l.breaking ? BREAK_IN_PROGRESS : 0;
        w.bytes(l.id.key().bytes()).u32le(l.state);
        if (v2) {
            flags |= l.parentKey != null ? LeaseRequest.PARENT_KEY_SET : 0;
            w.u32le(flags).u64le(0).bytes(l.parentKey != null ? l.parentKey : new byte[16])
                    .u16le(l.epoch & 0xFFFF).u16le(0);
        } else {
            w.u32le(flags).u64le(0);
        }
        return new CreateContext(CreateContext.REQUEST_LEASE, w.toByteArray());
    }
}
