package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.smbscope.codec.fscc.FileNotifyInformation;

/**
 * The server's durable opens ([MS-SMB2] 3.3.1.1 GlobalOpenTable, as far as durability goes), found by
 * persistent FileId for a reconnect (3.3.5.9.7, 3.3.5.9.12); a replayed DH2Q finds its open, durable or not,
 * in {@link OpenFiles#replays}. An open whose connection is lost stays here, with its share mode, locks and
 * oplock or lease, until it is reclaimed, until its timeout passes (the scavenger, 3.3.2.2 durable open
 * scavenger timer) or until a conflicting open purges it. Guarded by {@link OpenFiles#lock}.
 */
final class DurableOpens {
    /** Timeout of a v1 durable open, and of a v2 one that asked for none. */
    static final long DEFAULT_TIMEOUT_MILLIS = 60_000;
    /** The longest a v2 durable open is kept (Windows and Samba: 300 s). */
    static final long MAX_TIMEOUT_MILLIS = 300_000;

    private final Map<Long, Open> byId = new HashMap<>();

    /** The timeout a DH2Q asking for {@code requested} ms gets. */
    static long timeoutFor(long requested) {
        return requested == 0 ? DEFAULT_TIMEOUT_MILLIS : Math.min(requested, MAX_TIMEOUT_MILLIS);
    }

    void add(Open o) {
        byId.put(o.id, o);
    }

    void remove(Open o) {
        byId.remove(o.id, o);
    }

    /** The durable open whose persistent id is {@code persistentId}, or null. */
    Open get(long persistentId) {
        return byId.get(persistentId);
    }

    /** Disconnected opens whose time is up at {@code now}. */
    List<Open> expired(Instant now) {
        List<Open> out = new ArrayList<>();
        for (Open o : byId.values()) {
            if (o.durable != null && o.durable.expires != null && !o.durable.expires.isAfter(now)) {
                out.add(o);
            }
        }
        return out;
    }

    int size() {
        return byId.size();
    }

    /**
     * Marks {@code o} disconnected at {@code now} (caller holds {@link OpenFiles#lock}); it expires after its
     * timeout.
     */
    static void disconnected(Open o, Instant now) {
        o.durable.expires = now.plusMillis(o.durable.timeoutMillis);
        o.breaks = org.smbscope.server.tree.BreakSender.NONE;
    }

    /** Runs {@link OpenFiles#scavenge} once {@code o}'s timeout has passed on {@code clock}. */
    static void schedule(OpenFiles files, Open o, java.time.Clock clock) {
        long millis = o.durable.timeoutMillis + 10;
        CompletableFuture.delayedExecutor(millis, TimeUnit.MILLISECONDS).execute(() -> files.scavenge(clock.instant()));
    }

    /**
     * Closes the disconnected {@code o} for good (timeout or a conflicting open; caller holds
     * {@link OpenFiles#lock}): its locks go and a pending delete happens, as a CLOSE would do.
     */
    static void purge(OpenFiles files, Open o) {
        if (o.deleteOnClose()) {
            o.state.deletePending = true;
        }
        Oplocks.closing(o);
        boolean last = files.remove(o);
        CreateCommand.close(o.channel);
        o.state.locks.release(o);
        Path p = o.path();
        if (last && o.state.deletePending && p.getParent() != null && !p.equals(o.durable.shareRoot)) {
            try {
                files.security.forget(p);
                files.deleting(o.state.key);
                files.sparse.forget(o.state.key);
                Files.delete(p);
                files.notify.report(p, FileNotifyInformation.ACTION_REMOVED,
                        o.directory ? NotifyRegistry.DIR_NAME : NotifyRegistry.FILE_NAME);
            } catch (IOException e) {
                // stays, as on Windows when the directory filled meanwhile
            }
        }
    }
}
