package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.fscc.FileNotifyInformation;
import org.smbscope.codec.smb2.CloseRequest;
import org.smbscope.codec.smb2.CloseResponse;

/**
 * CLOSE, [MS-SMB2] 3.3.5.10, and what closing means on the file ([MS-FSA] 2.1.5.4 cleanup): the open's
 * byte-range locks go, its waiting change notify ends with STATUS_NOTIFY_CLEANUP, and the last open of a
 * file with delete pending deletes it.
 */
final class CloseCommand {
    private final Share share;

    CloseCommand(Share share) {
        this.share = share;
    }

    CloseResponse close(CloseRequest r) throws Failure {
        Open o = share.open(r.fileId());
        share.writeTimes.closing(o);
        boolean post = (r.flags() & CloseRequest.POSTQUERY_ATTRIB) != 0;
        FileFacts facts = null;
        if (post) {
            try {
                facts = StreamOpens.sized(share.sparse(FileFacts.read(o.path(), share.dos, share.xattr, share.files.meta), o.state.key,
                        o.path()), o);
            } catch (IOException e) {
                facts = null;
            }
        }
        if (!close(o)) {
            throw new Failure(org.smbscope.codec.status.NtStatus.FILE_CLOSED);
        }
        if (facts == null) {
            return new CloseResponse(0, FileTime.ZERO, FileTime.ZERO, FileTime.ZERO, FileTime.ZERO, 0, 0,
                    java.util.Set.of());
        }
        return new CloseResponse(CloseRequest.POSTQUERY_ATTRIB, facts.creationTime(), facts.lastAccessTime(),
                facts.lastWriteTime(), facts.changeTime(), facts.allocationSize(), facts.endOfFile(),
                facts.attributes());
    }

    /**
     * The connection of {@code o} is lost ([MS-SMB2] 3.3.7.1): a durable open that still holds its batch oplock
     * or handle lease leaves this tree but stays open, with its share mode, locks and lease, until a reconnect,
     * its timeout or a conflicting open. False if {@code o} is not such an open (close it then).
     */
    boolean detach(Open o) {
        java.util.concurrent.CompletableFuture<Void> breakOver = null;
        share.files.lock.lock();
        try {
            if (o.durable == null || o.breakDone != null || share.table.get(o.fileId()) != o
                    || !(o.oplock.value() == org.smbscope.codec.smb2.OplockLevel.BATCH.value()
                            || o.lease != null && o.lease.has(Lease.H))) {
                return false;
            }
            share.table.remove(o);
            DurableOpens.disconnected(o, share.clock.instant());
            share.files.released.signalAll();
            if (o.lease != null && o.lease.opens.stream().allMatch(x -> x.durable != null && x.durable.disconnected())) {
                o.lease.breaks = org.smbscope.server.tree.BreakSender.NONE;
                breakOver = Leases.holderGone(o.lease);
            }
        } finally {
            share.files.lock.unlock();
        }
        if (breakOver != null) {
            breakOver.complete(null); // the open waiting for that break starts again and purges these opens
        }
        share.files.notify.closed(o);
        DurableOpens.schedule(share.files, o, share.clock);
        return true;
    }

    /**
     * {@code o} created the file or wrote to it, which moved its change time (and the write time put back on close
     * moved it again): what the {@link MetaCache} kept as of the open's CREATE still holds, as of the change time
     * now. One stat.
     */
    private void carryMeta(Open o) {
        try {
            FileFacts.Stat now = FileFacts.stat(o.path());
            share.files.meta.carry(o.path().getFileSystem(), now.fileKey(), o.metaChanged, now.changed());
        } catch (IOException e) {
            // gone meanwhile: nothing to carry
        }
    }

    /** Closes {@code o}; false if it was already closed. */
    boolean close(Open o) {
        Path deleted = null;
        boolean pendingDirectory = false;
        java.util.concurrent.CompletableFuture<Void> released = null;
        boolean streamGone = false;
        if (!o.directory) {
            share.writeTimes.closing(o);
        }
        share.files.lock.lock();
        try {
            if (share.table.get(o.fileId()) != o) {
                return false;
            }
            if (o.deleteOnClose()) {
                if (o.stream != null) {
                    o.state.streamDeletes.add(org.smbscope.server.share.StreamName.key(o.stream));
                } else {
                    o.state.deletePending = true;
                }
            }
            share.table.remove(o);
            released = Oplocks.closing(o);
            boolean last = share.files.remove(o);
            if (o.stream != null) {
                streamGone = StreamOpens.closed(share, o);
            }
            if (last && o.state.deletePending && !o.path().equals(share.paths.root())) {
                CreateCommand.close(o.channel);
                try {
                    share.files.security.forget(o.path());
                    share.files.deleting(o.state.key);
                    share.files.eas.forget(o.path());
                    share.files.streams.forget(o.path());
                    share.files.sparse.forget(o.state.key);
                    Files.delete(o.path());
                    deleted = o.path();
                } catch (IOException e) {
                    // a directory that filled meanwhile stays, as on Windows
                }
            } else if (!last && o.state.deletePending && o.directory) {
                pendingDirectory = true;
            }
        } finally {
            share.files.lock.unlock();
        }
        if (released != null) {
            released.complete(null);
        }
        o.state.locks.release(o);
        share.files.notify.closed(o);
        if (pendingDirectory) {
            share.files.notify.deletePending(o.state);
        }
        CreateCommand.close(o.channel);
        if (deleted == null && o.carryMeta && o.stream == null && !o.state.deletePending) {
            carryMeta(o);
        }
        if (deleted != null) {
            share.changed(deleted, FileNotifyInformation.ACTION_REMOVED, o.directory, 0);
        } else if (streamGone) {
            StreamOpens.notify(share, o, FileNotifyInformation.ACTION_REMOVED_STREAM, NotifyRegistry.STREAM_NAME);
        }
        return true;
    }
}
