package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.smbscope.codec.smb2.AccessMask;
import org.smbscope.codec.smb2.CreateAction;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.OplockLevel;
import org.smbscope.codec.smb2.ShareAccess;
import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.fscc.FileNotifyInformation;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.share.StreamName;
import org.smbscope.server.tree.RequestContext;

/**
 * CREATE of a named stream ({@code file:name[:$DATA]}), [MS-FSA] 2.1.5.1 with the stream rules: the file is
 * created first when missing (through the ordinary {@link CreateCommand}, so it gets its attributes, times and
 * watchers' notice); the dispositions apply to the stream; share modes are checked against the other opens of
 * the same stream only; the file's delete pending ends every name-based open. The open's data is a
 * {@link StreamChannel} over the {@link StreamStore}; its {@link Open#path()} is the file's, so renames of the
 * file and the file's per-file state (delete pending, the list of opens) are shared with it. Oplocks and
 * leases on a stream are its own, apart from the file's.
 */
final class StreamCreate {
    private static final int SUPERSEDE = 0;
    private static final int OPEN = 1;
    private static final int CREATE = 2;
    private static final int OVERWRITE = 4;
    private static final int OVERWRITE_IF = 5;

    private final Share share;

    StreamCreate(Share share) {
        this.share = share;
    }

    /**
     * Opens or creates the stream {@code t} for {@code requested} access (plus what the descriptor allows when
     * {@code maximum}): a stream is checked against its file's descriptor.
     */
    CreateResponse create(RequestContext ctx, CreateRequest r, PathMapper.Target t, int requested, boolean maximum,
            CreateCommand files, Oplocks.Notices notices, LeaseRequest lease, boolean leaseV2)
            throws Failure, Oplocks.Wait {
        int disposition = r.createDisposition().value();
        CreateOptions options = r.createOptions();
        if (options.has(CreateOptions.DIRECTORY_FILE)) {
            throw new Failure(NtStatus.NOT_A_DIRECTORY);
        }
        boolean deleteOnClose = options.has(CreateOptions.DELETE_ON_CLOSE);
        Path p = t.path();
        String name = t.name().stream();
        StreamStore streams = share.files.streams;
        if (!streams.nameFits(p, name)) {
            throw new Failure(NtStatus.OBJECT_NAME_INVALID);
        }
        if (!Files.exists(p)) {
            if (disposition == OPEN || disposition == OVERWRITE) {
                throw new Failure(p.getParent() != null && Files.isDirectory(p.getParent())
                        ? NtStatus.OBJECT_NAME_NOT_FOUND : NtStatus.OBJECT_PATH_NOT_FOUND);
            }
            createBase(ctx, r, t.name().base(), files, notices);
        }
        int allowed = FileSecurity.maximal(share, p, Files.isDirectory(p), ctx.token());
        if ((requested & ~allowed) != 0) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
        int granted = requested | (maximum ? allowed : 0);
        Open open;
        CreateAction action;
        share.files.lock.lock();
        try {
            if (share.table.full()) {
                throw new Failure(NtStatus.INSUFFICIENT_RESOURCES);
            }
            FileState state;
            try {
                state = share.files.state(p);
            } catch (IOException e) {
                throw new Failure(IoStatus.of(e));
            }
            if (state.deletePending) {
                throw new Failure(NtStatus.DELETE_PENDING);
            }
            FileFacts facts = share.facts(p);
            String stored = find(p, name);
            boolean exists = stored != null;
            if (exists && disposition == CREATE) {
                throw new Failure(NtStatus.OBJECT_NAME_COLLISION);
            }
            if (!exists && (disposition == OPEN || disposition == OVERWRITE)) {
                throw new Failure(NtStatus.OBJECT_NAME_NOT_FOUND);
            }
            if (exists && state.streamDeletes.contains(StreamName.key(stored))) {
                throw new Failure(NtStatus.DELETE_PENDING);
            }
            boolean overwrite = exists && (disposition == SUPERSEDE || disposition == OVERWRITE
                    || disposition == OVERWRITE_IF);
            if (share.readOnly && (overwrite || !exists)) {
                throw new Failure(NtStatus.ACCESS_DENIED);
            }
            boolean readOnlyFile = facts.attributes().contains(FileAttribute.READONLY);
            if (readOnlyFile && (overwrite || !exists || Access.writesData(granted))) {
                throw new Failure(NtStatus.ACCESS_DENIED);
            }
            if (deleteOnClose && readOnlyFile) {
                throw new Failure(NtStatus.CANNOT_DELETE);
            }
            if (lease != null) {
                Leases.check(share.files, ctx.clientGuid(), lease, Leases.fileKey(state, name));
            }
            if (exists) {
                Oplocks.beforeOpen(share.files, state, granted, r.shareAccess().value(), overwrite,
                        lease == null ? null : new Lease.Id(ctx.clientGuid(), new Lease.Key(lease.key())), notices,
                        stored, false);
            }
            String key = StreamName.key(name);
            for (Open other : state.opens) {
                if (other.stream != null && StreamName.key(other.stream).equals(key)
                        && ShareModes.conflicts(other.granted, other.share, granted, r.shareAccess().value())) {
                    throw new Failure(NtStatus.SHARING_VIOLATION);
                }
            }
            try {
                if (!exists) {
                    stored = name;
                    streams.write(p, stored, new byte[0]);
                } else if (overwrite) {
                    streams.write(p, stored, new byte[0]);
                }
            } catch (IOException e) {
                throw new Failure(IoStatus.of(e));
            }
            action = !exists ? CreateAction.CREATED : disposition == SUPERSEDE ? CreateAction.SUPERSEDED
                    : overwrite ? CreateAction.OVERWRITTEN : CreateAction.OPENED;
            StreamChannel ch = new StreamChannel(streams);
            open = new Open(share.files.nextId(), p, false, granted, r.shareAccess().value(),
                    CreateCommand.mode(options), ch, state);
            open.stream = stored;
            ch.owner(open);
            if (deleteOnClose) {
                open.deleteOnClose(true);
            }
            if (lease != null) { // a stream's lease is its own (smbtorture lease.request)
                Leases.grant(share.files, state, open, lease, ctx.clientGuid(), leaseV2, ctx.breaks());
            } else { // and so is its oplock (smbtorture oplock.stream1)
                open.oplock = Oplocks.grant(state, false, r.oplockLevel(), ctx.breaks(), stored);
            }
            open.breaks = ctx.breaks();
            share.files.add(open);
            share.table.add(open);
        } finally {
            share.files.lock.unlock();
        }
        if (action == CreateAction.CREATED) {
            StreamOpens.notify(share, open, FileNotifyInformation.ACTION_ADDED_STREAM,
                    NotifyRegistry.STREAM_NAME);
        }
        FileFacts facts = StreamOpens.sized(share.facts(p), open);
        List<org.smbscope.codec.smb2.CreateContext> contexts = files.responseContexts(r, facts, open, ctx);
        contexts.addAll(files.grantedContexts(open, false));
        return new CreateResponse(open.oplock, 0, action, facts.creationTime(), facts.lastAccessTime(),
                facts.lastWriteTime(), facts.changeTime(), facts.allocationSize(), facts.endOfFile(),
                facts.attributes(), open.fileId(), contexts);
    }

    private String find(Path p, String name) throws Failure {
        try {
            return share.files.streams.find(p, name);
        } catch (IOException e) {
            throw new Failure(IoStatus.of(e));
        }
    }

    /** Creates the missing file {@code base} the way a CREATE of it would, and closes that open again. */
    private void createBase(RequestContext ctx, CreateRequest r, String base, CreateCommand files,
            Oplocks.Notices notices) throws Failure, Oplocks.Wait {
        CreateRequest make = new CreateRequest(OplockLevel.NONE, r.impersonationLevel(),
                new AccessMask(Access.READ_ATTRIBUTES), r.fileAttributes(), new ShareAccess(ShareModes.SHARE_READ
                        | ShareModes.SHARE_WRITE | ShareModes.SHARE_DELETE),
                CreateDisposition.CREATE, CreateOptions.NON_DIRECTORY_FILE, base, List.of());
        try {
            CreateResponse made = files.create(ctx, make, notices);
            Open o = share.table.get(made.fileId());
            if (o != null) {
                new CloseCommand(share).close(o);
            }
        } catch (Failure f) {
            if (!f.status().equals(NtStatus.OBJECT_NAME_COLLISION)) {
                throw f;
            }
        }
    }
}
