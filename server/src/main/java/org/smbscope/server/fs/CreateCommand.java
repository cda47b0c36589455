package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.fscc.FileNotifyInformation;
import org.smbscope.codec.smb2.CreateAction;
import org.smbscope.codec.smb2.CreateContext;
import org.smbscope.codec.smb2.CreateDisposition;
import org.smbscope.codec.smb2.CreateOptions;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.OplockLevel;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;

/**
 * CREATE on a disk share, [MS-SMB2] 3.3.5.9 and [MS-FSA] 2.1.5.1: the six dispositions, directory and
 * non-directory opens, delete on close, share modes, read-only shares, and the MxAc and QFid create
 * contexts, oplocks ({@link Oplocks}), leases ({@link Leases}) and durable handles ({@link DurableOpens}: grant,
 * reconnect, replay).
 * Access is checked against the file's descriptor ({@link FileSecurity}; MAXIMUM_ALLOWED resolved there,
 * overwriting needs FILE_WRITE_DATA, delete on close DELETE), creating against the parent's (FILE_ADD_FILE /
 * FILE_ADD_SUBDIRECTORY); a new file gets its descriptor from {@link Inheritance} or the SecD context.
 */
final class CreateCommand {
    private static final int SUPERSEDE = 0;
    private static final int OPEN = 1;
    private static final int CREATE = 2;
    private static final int OPEN_IF = 3;
    private static final int OVERWRITE = 4;
    private static final int OVERWRITE_IF = 5;

    private static final NtStatus DUPLICATE_OBJECTID = new NtStatus(0xC000022A);
    /** How long a durable reconnect waits for the open's old connection to let it go ({@link #released}). */
    static final java.time.Duration RELEASE_WAIT = java.time.Duration.ofSeconds(2);

    private final Share share;

    CreateCommand(Share share) {
        this.share = share;
    }

    /**
     * Opens or creates; breaks that the open causes are queued on {@code notices} (send them after the call,
     * whatever it throws). Throws {@link Oplocks.Wait} when the open must wait for a break and be retried.
     */
    CreateResponse create(org.smbscope.server.tree.RequestContext ctx, CreateRequest r, Oplocks.Notices notices)
            throws Failure, Oplocks.Wait {
        CreateContexts cc = CreateContexts.of(r.contexts());
        if (cc.reconnect() != null) {
            return reconnect(ctx, r, cc);
        }
        boolean smb3 = ctx.dialect().value() >= 0x0300;
        LeaseRequest leaseRequest = Leases.applicable(cc.lease(), r.oplockLevel(),
                ctx.dialect().value() >= 0x0210 && ctx.breaks() != org.smbscope.server.tree.BreakSender.NONE);
        CreateContexts.V2 v2 = smb3 ? cc.v2() : null;
        Lease.Id leaseId = leaseRequest == null ? null
                : new Lease.Id(ctx.clientGuid(), new Lease.Key(leaseRequest.key()));
        int disposition = r.createDisposition().value();
        CreateOptions options = r.createOptions();
        boolean wantDir = options.has(CreateOptions.DIRECTORY_FILE);
        boolean wantFile = options.has(CreateOptions.NON_DIRECTORY_FILE);
        boolean deleteOnClose = options.has(CreateOptions.DELETE_ON_CLOSE);
        int desired = r.desiredAccess().value();
        if (disposition < SUPERSEDE || disposition > OVERWRITE_IF || (wantDir && wantFile)
                || r.impersonationLevel().value() < 0 || r.impersonationLevel().value() > 3) {
            throw new Failure(r.impersonationLevel().value() > 3 || r.impersonationLevel().value() < 0
                    ? NtStatus.BAD_IMPERSONATION_LEVEL : NtStatus.INVALID_PARAMETER);
        }
        if (wantDir && disposition != OPEN && disposition != CREATE && disposition != OPEN_IF) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        if ((desired & Access.ACCESS_SYSTEM_SECURITY) != 0) {
            throw new Failure(NtStatus.PRIVILEGE_NOT_HELD);
        }
        if (r.name().startsWith("\\")) {
            // [MS-SMB2] 2.2.13: the name is relative to the share and MUST NOT begin with a backslash
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        if (options.has(CreateOptions.OPEN_BY_FILE_ID)) {
            throw new Failure(NtStatus.NOT_SUPPORTED);
        }
        int granted = Access.map(desired, share.readOnly);
        if (deleteOnClose && (granted & Access.DELETE) == 0) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        if (share.readOnly && (granted & Access.MODIFYING) != 0) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
        SdParts given = null;
        for (CreateContext c : r.contexts()) {
            if (c.name().equals(CreateContext.SECURITY_DESCRIPTOR)) {
                given = SdParts.parse(c.data());
                if (given == null) {
                    throw new Failure(NtStatus.INVALID_PARAMETER);
                }
                if (given.ownerSid() != null && !ctx.token().has(given.ownerSid())) {
                    throw new Failure(NtStatus.INVALID_OWNER);
                }
            }
        }
        java.util.List<org.smbscope.codec.fscc.FullEa> eas = EaCommands.fromContexts(r.contexts());
        // MAXIMUM_ALLOWED is resolved against the file's descriptor below
        int requested = Access.map(desired & ~Access.MAXIMUM_ALLOWED, share.readOnly);
        boolean maximum = (desired & Access.MAXIMUM_ALLOWED) != 0;
        PathMapper.Target target = share.paths.resolveStream(r.name());
        if (target.name().named()) {
            return new StreamCreate(share).create(ctx, r, target, requested, maximum, this, notices, leaseRequest,
                    leaseRequest != null && leaseRequest.v2() && smb3);
        }
        Path p = target.path();
        if (target.name().explicitData() && Files.isDirectory(p)) {
            // [MS-FSA] 2.1.5.1: a directory has no ::$DATA stream
            throw new Failure(wantDir ? NtStatus.NOT_A_DIRECTORY : NtStatus.FILE_IS_A_DIRECTORY);
        }
        boolean isRoot = p.equals(share.paths.root());
        FileFacts known = null; // the facts of a file created here, answered without reading them back
        Open open;
        CreateAction action;
        share.files.lock.lock();
        try {
            if (share.table.full()) {
                throw new Failure(NtStatus.INSUFFICIENT_RESOURCES);
            }
            if (v2 != null && !ctx.replay() && share.files.createGuidInUse(ctx.clientGuid() + "/" + v2.createGuid())) {
                // 3.3.5.9.10: a CreateGuid in use, not replayed (smbtorture replay.replay6)
                throw new Failure(DUPLICATE_OBJECTID);
            }
            if (v2 != null && ctx.replay()) {
                // 3.3.5.9.10: a replayed CREATE with the CreateGuid of an open of this client answers that open
                Open prior = share.files.replays.get(ctx.clientGuid() + "/" + v2.createGuid());
                if (prior != null && share.table.get(prior.fileId()) == prior) {
                    return replay(prior, r, leaseId);
                }
            }
            if (leaseRequest != null) {
                Leases.check(share.files, ctx.clientGuid(), leaseRequest, share.files.keyOf(p));
            }
            FileFacts.Stat found = statIfAny(p); // one stat: exists, directory, and the key of its kept metadata
            boolean exists = found != null;
            if (exists) {
                boolean isDir = found.directory();
                if (disposition == CREATE) {
                    throw new Failure(NtStatus.OBJECT_NAME_COLLISION);
                }
                if (wantDir && !isDir) {
                    throw new Failure(NtStatus.NOT_A_DIRECTORY);
                }
                if (isDir && (wantFile || disposition == SUPERSEDE || disposition == OVERWRITE
                        || disposition == OVERWRITE_IF)) {
                    throw new Failure(NtStatus.FILE_IS_A_DIRECTORY);
                }
                boolean overwrite = disposition == SUPERSEDE || disposition == OVERWRITE || disposition == OVERWRITE_IF;
                // [MS-FSA] 2.1.5.1.2.1: the file's descriptor decides; overwriting needs FILE_WRITE_DATA as well
                int allowed = FileSecurity.maximal(share, p, found, ctx.token());
                if (((requested | (overwrite ? Access.WRITE_DATA : 0)) & ~allowed) != 0) {
                    throw new Failure(NtStatus.ACCESS_DENIED);
                }
                granted = requested | (maximum ? allowed : 0);
                if (deleteOnClose && (granted & Access.DELETE) == 0) {
                    throw new Failure(NtStatus.ACCESS_DENIED);
                }
                if (share.readOnly && overwrite) {
                    throw new Failure(NtStatus.ACCESS_DENIED);
                }
                FileFacts facts = share.facts(p, found);
                boolean readOnlyFile = facts.attributes().contains(FileAttribute.READONLY);
                if (readOnlyFile && !isDir && (overwrite || Access.writesData(granted))) {
                    throw new Failure(NtStatus.ACCESS_DENIED);
                }
                if (overwrite && !isDir) {
                    int asked = FileAttribute.toMask(r.fileAttributes());
                    // [MS-FSA] 2.1.5.1.2: overwriting must keep HIDDEN and SYSTEM
                    if ((facts.attributes().contains(FileAttribute.HIDDEN) && (asked & FileAttribute.HIDDEN.bit()) == 0)
                            || (facts.attributes().contains(FileAttribute.SYSTEM)
                                    && (asked & FileAttribute.SYSTEM.bit()) == 0)) {
                        throw new Failure(NtStatus.ACCESS_DENIED);
                    }
                }
                if (deleteOnClose && readOnlyFile) {
                    throw new Failure(NtStatus.CANNOT_DELETE);
                }
                FileState state;
                try {
                    state = share.files.state(p, found.fileKey()); // the key of the stat above: no second stat
                } catch (IOException e) {
                    throw new Failure(IoStatus.of(e));
                }
                if (state.deletePending) {
                    throw new Failure(NtStatus.DELETE_PENDING);
                }
                Oplocks.beforeOpen(share.files, state, granted, r.shareAccess().value(), overwrite, leaseId, notices,
                        null, deleteOnClose);
                for (Open other : state.opens) {
                    // overwriting drops the named streams: none may be open
                    if (StreamOpens.baseConflicts(other, granted, r.shareAccess().value())
                            || (overwrite && other.stream != null)) {
                        throw new Failure(NtStatus.SHARING_VIOLATION);
                    }
                }
                if (deleteOnClose && isDir && !isEmpty(p)) {
                    throw new Failure(NtStatus.DIRECTORY_NOT_EMPTY);
                }
                FileChannel ch = null;
                if (!isDir && (overwrite || Access.readsData(granted) || Access.writesData(granted))) {
                    ch = channel(p, overwrite || Access.writesData(granted), false);
                    if (overwrite) {
                        try {
                            ch.truncate(0);
                            share.files.sparse.truncated(state(p).key, 0);
                            share.files.streams.deleteAll(p);
                        } catch (IOException e) {
                            close(ch);
                            throw new Failure(IoStatus.of(e));
                        }
                    }
                }
                if (overwrite) {
                    DosAttributes.apply(p, attributesFor(r, false), share.dos, share.files.meta);
                    new EaCommands(share).created(p, eas, true);
                } else {
                    known = facts; // nothing has changed the file since: the answer needs no second read
                }
                action = disposition == SUPERSEDE ? CreateAction.SUPERSEDED
                        : overwrite ? CreateAction.OVERWRITTEN : CreateAction.OPENED;
                open = new Open(share.files.nextId(), p, isDir, granted, r.shareAccess().value(), mode(options), ch,
                        state);
                if (!overwrite) {
                    open.metaChanged = found.changed();
                }
            } else {
                if (disposition == OPEN || disposition == OVERWRITE) {
                    throw new Failure(Files.isDirectory(p.getParent()) ? NtStatus.OBJECT_NAME_NOT_FOUND
                            : NtStatus.OBJECT_PATH_NOT_FOUND);
                }
                if (!Files.isDirectory(p.getParent())) {
                    throw new Failure(NtStatus.OBJECT_PATH_NOT_FOUND);
                }
                if (share.readOnly) {
                    throw new Failure(NtStatus.ACCESS_DENIED);
                }
                // [MS-FSA] 2.1.5.1.2.2: creating needs FILE_ADD_FILE / FILE_ADD_SUBDIRECTORY on the parent
                SdParts parent = FileSecurity.effective(share, p.getParent(), true);
                if ((AccessCheck.maximal(parent, ctx.token()) & (wantDir ? Access.APPEND_DATA : Access.WRITE_DATA)) == 0) {
                    throw new Failure(NtStatus.ACCESS_DENIED);
                }
                SdParts sd = Inheritance.child(parent, given, wantDir, ctx.token());
                granted = requested | (maximum ? FileSecurity.maximal(share, p, sd, ctx.token()) : 0);
                if (deleteOnClose && r.fileAttributes().contains(FileAttribute.READONLY)) {
                    throw new Failure(NtStatus.CANNOT_DELETE);
                }
                FileChannel ch = null;
                try {
                    if (wantDir) {
                        Files.createDirectory(p);
                    } else if (Access.readsData(granted) || Access.writesData(granted)) {
                        ch = channel(p, true, true);
                    } else {
                        Files.createFile(p);
                    }
                } catch (IOException e) {
                    throw new Failure(IoStatus.of(e));
                }
                share.files.names.added(p);
                int dosMask = DosAttributes.applyNew(p, attributesFor(r, wantDir), share.dos);
                new EaCommands(share).created(p, eas, false);
                Object sdKept = sd != null ? share.files.security.writeNew(p, sd) : MetaCache.ABSENT;
                FileState state;
                long changed;
                try {
                    // one stat of the new file: its creation time to keep, its key, the facts to answer with
                    FileFacts.Stat st = FileFacts.stat(p);
                    changed = st.changed();
                    org.smbscope.codec.dtyp.FileTime birth = null;
                    if (share.xattr) {
                        birth = FileFacts.time(st.created());
                        BirthTime.writeNew(p, birth);
                    }
                    // a new file: nothing kept of an earlier file with its key holds (stored above, so forgotten
                    // now), and what was just stored is kept, carried to the file's change time when this open closes
                    share.files.meta.forget(p.getFileSystem(), st.fileKey());
                    share.files.meta.prime(p.getFileSystem(), st.fileKey(), st.changed(), sdKept, dosMask,
                            birth != null ? birth.value() : null, eas == null || eas.isEmpty() ? 0 : null);
                    state = share.files.state(p, st.fileKey());
                    known = share.sparse(FileFacts.created(st, dosMask, share.dos, birth), state.key, p);
                } catch (IOException e) {
                    close(ch);
                    throw new Failure(IoStatus.of(e));
                }
                action = CreateAction.CREATED;
                open = new Open(share.files.nextId(), p, wantDir, granted, r.shareAccess().value(), mode(options), ch,
                        state);
                open.metaChanged = changed;
                open.carryMeta = true;
                share.changed(p, FileNotifyInformation.ACTION_ADDED, wantDir, 0);
            }
            if (deleteOnClose && !isRoot) {
                open.deleteOnClose(true);
            }
            if (leaseRequest != null && !open.directory) { // no SMB2_GLOBAL_CAP_DIRECTORY_LEASING: none on directories
                Leases.grant(share.files, open.state, open, leaseRequest, ctx.clientGuid(), leaseRequest.v2() && smb3,
                        ctx.breaks());
            } else {
                open.oplock = Oplocks.grant(open.state, open.directory, r.oplockLevel(), ctx.breaks());
            }
            open.breaks = ctx.breaks();
            // 3.3.5.9.6 / 3.3.5.9.10: durable only with a batch oplock or a lease with handle caching
            boolean durable = !open.directory && (open.oplock.value() == OplockLevel.BATCH.value()
                    || open.lease != null && open.lease.has(Lease.H));
            if (durable && (v2 != null || cc.v1())) {
                open.durable = new Durable(v2 != null, v2 != null ? v2.createGuid() : null, ctx.clientGuid(),
                        ctx.user(), v2 != null ? DurableOpens.timeoutFor(v2.timeoutMillis())
                                : DurableOpens.DEFAULT_TIMEOUT_MILLIS, share.paths.root());
            }
            share.files.add(open);
            if (open.durable != null) {
                share.files.durable.add(open);
            }
            if (v2 != null) {
                open.action = action;
                open.createKey = ctx.clientGuid() + "/" + v2.createGuid();
                share.files.replays.put(open.createKey, open);
            }
            share.table.add(open);
        } finally {
            share.files.lock.unlock();
        }
        FileFacts facts;
        try {
            facts = known != null ? known : share.facts(p);
        } catch (Failure f) {
            facts = null;
        }
        if (facts == null) {
            throw new Failure(NtStatus.OBJECT_NAME_NOT_FOUND);
        }
        List<CreateContext> contexts = responseContexts(r, facts, open, ctx);
        contexts.addAll(grantedContexts(open, true));
        return new CreateResponse(open.oplock, 0, action, facts.creationTime(), facts.lastAccessTime(),
                facts.lastWriteTime(), facts.changeTime(), facts.allocationSize(), facts.endOfFile(),
                facts.attributes(), open.fileId(), contexts);
    }

    /** The lease and durable response contexts of {@code open}. */
    List<CreateContext> grantedContexts(Open open, boolean durable) {
        List<CreateContext> out = new ArrayList<>();
        share.files.lock.lock();
        try {
            if (open.lease != null) {
                out.add(Leases.response(open.lease));
            }
            if (durable && open.durable != null) {
                out.add(open.durable.v2 ? CreateContexts.durableV2Response(open.durable.timeoutMillis, false)
                        : CreateContexts.durableResponse());
            }
        } finally {
            share.files.lock.unlock();
        }
        return out;
    }

    /** The answer for an open that already exists (a replay or a durable reconnect). */
    private CreateResponse existing(Open o, CreateAction action, boolean durable) throws Failure {
        FileFacts facts = share.facts(o.path());
        List<CreateContext> contexts = new ArrayList<>();
        contexts.addAll(grantedContexts(o, durable));
        return new CreateResponse(o.oplock, 0, action, facts.creationTime(), facts.lastAccessTime(),
                facts.lastWriteTime(), facts.changeTime(), facts.allocationSize(), facts.endOfFile(),
                facts.attributes(), o.fileId(), contexts);
    }

    /**
     * A replayed DH2Q CREATE ([MS-SMB2] 3.3.5.9.10) answers the open its CreateGuid made, as Windows and Samba
     * do (smbtorture replay.replay-dhv2-*): a lease open must be replayed with its lease key and an oplock open
     * without a lease (else STATUS_ACCESS_DENIED); an oplock replay that asks another level gets none and no
     * durable context. Caller holds {@link OpenFiles#lock}.
     */
    private CreateResponse replay(Open prior, CreateRequest r, Lease.Id leaseId) throws Failure {
        if (prior.lease != null ? !prior.lease.id.equals(leaseId) : leaseId != null) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
        boolean same = prior.lease != null || prior.oplock.value() == r.oplockLevel().value();
        FileFacts facts = share.facts(prior.path());
        List<CreateContext> contexts = same ? grantedContexts(prior, true) : new ArrayList<>();
        return new CreateResponse(same ? prior.oplock : OplockLevel.NONE, 0, prior.action,
                facts.creationTime(), facts.lastAccessTime(), facts.lastWriteTime(), facts.changeTime(),
                facts.allocationSize(), facts.endOfFile(), facts.attributes(), prior.fileId(), contexts);
    }

    /**
     * DHnC / DH2C ([MS-SMB2] 3.3.5.9.7, 3.3.5.9.12): a new connection and session of the same user take back a
     * disconnected durable open; every other field of the request is ignored (but a lease must name the file).
     */
    private CreateResponse reconnect(org.smbscope.server.tree.RequestContext ctx, CreateRequest r, CreateContexts cc)
            throws Failure {
        CreateContexts.Reconnect rc = cc.reconnect();
        LeaseRequest lease = cc.lease();
        Open o;
        share.files.lock.lock();
        try {
            o = released(share.files.durable.get(rc.fileId().persistent()), ctx);
            if (o == null || o.durable == null || !o.durable.disconnected()
                    || !o.durable.shareRoot.equals(share.paths.root())
                    || rc.isV2() && !rc.createGuid().equals(o.durable.createGuid != null ? o.durable.createGuid
                            : org.smbscope.codec.dtyp.Guid.ZERO)) {
                throw new Failure(NtStatus.OBJECT_NAME_NOT_FOUND);
            }
            if (o.lease != null) {
                if (lease == null || !o.lease.id.equals(new Lease.Id(ctx.clientGuid(), new Lease.Key(lease.key())))) {
                    throw new Failure(NtStatus.OBJECT_NAME_NOT_FOUND);
                }
                Path named;
                try {
                    named = share.paths.resolve(r.name());
                } catch (Failure f) {
                    throw new Failure(NtStatus.INVALID_PARAMETER);
                }
                if (!named.equals(o.path())) {
                    throw new Failure(NtStatus.INVALID_PARAMETER);
                }
            } else if (lease != null) {
                throw new Failure(NtStatus.OBJECT_NAME_NOT_FOUND);
            }
            if (!o.durable.user.equalsIgnoreCase(ctx.user())) {
                throw new Failure(NtStatus.ACCESS_DENIED);
            }
            if (share.table.full()) {
                throw new Failure(NtStatus.INSUFFICIENT_RESOURCES);
            }
            o.durable.expires = null;
            o.breaks = ctx.breaks();
            if (o.lease != null) {
                o.lease.breaks = ctx.breaks();
            }
            share.table.add(o);
        } finally {
            share.files.lock.unlock();
        }
        return existing(o, CreateAction.OPENED, false);
    }

    /**
     * {@code o} once its connection has let it go: a durable open still held by another connection may belong to
     * a connection the client has just dropped and this server has not yet seen close (its reader wakes a moment
     * later), so the reconnect waits, up to {@link #RELEASE_WAIT}, for that connection to detach it or close it
     * (as Samba's smbd waits for the old process to let the open go) rather than fail at once. Caller holds
     * {@link OpenFiles#lock}; null stays null.
     */
    private Open released(Open o, org.smbscope.server.tree.RequestContext ctx) {
        if (o == null || o.durable == null || o.durable.disconnected() || java.util.Objects.equals(o.breaks, ctx.breaks())) {
            return o;
        }
        long left = RELEASE_WAIT.toNanos();
        while (left > 0 && share.files.durable.get(o.fileId().persistent()) == o && !o.durable.disconnected()) {
            try {
                left = share.files.released.awaitNanos(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return share.files.durable.get(o.fileId().persistent());
    }

    private FileState state(Path p) throws Failure {
        try {
            return share.files.state(p);
        } catch (IOException e) {
            throw new Failure(IoStatus.of(e));
        }
    }

    List<CreateContext> responseContexts(CreateRequest r, FileFacts facts, Open open,
            org.smbscope.server.tree.RequestContext ctx) {
        List<CreateContext> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CreateContext c : r.contexts()) {
            if (!seen.add(c.name())) {
                continue;
            }
            if (c.name().equals(CreateContext.MAXIMAL_ACCESS)) {
                WireWriter w = new WireWriter();
                int maximal = FileSecurity.maximal(share, open.path(), open.directory, ctx.token());
                w.u32le(0).u32le(maximal & 0xFFFFFFFFL);
                out.add(new CreateContext(CreateContext.MAXIMAL_ACCESS, w.toByteArray()));
            } else if (c.name().equals(CreateContext.QUERY_ON_DISK_ID)) {
                WireWriter w = new WireWriter();
                w.u64le(facts.indexNumber()).u64le(volumeId()).zeros(16);
                out.add(new CreateContext(CreateContext.QUERY_ON_DISK_ID, w.toByteArray()));
            }
        }
        return out;
    }

    private long volumeId() {
        return share.paths.root().toString().hashCode() & 0xFFFFFFFFL;
    }

    private static int attributesFor(CreateRequest r, boolean dir) {
        int m = FileAttribute.toMask(r.fileAttributes()) & DosAttributes.SETTABLE;
        return dir ? m & ~FileAttribute.ARCHIVE.bit() : m | FileAttribute.ARCHIVE.bit();
    }

    static int mode(CreateOptions o) {
        return o.value() & (0x2 | 0x4 | 0x8 | 0x10 | 0x20 | 0x1000);
    }

    /**
     * One stat of {@code p} (following links), or null where {@link Files#exists} says false: asked first, since
     * a stat of a missing file costs the JDK an exception (a CREATE of a new name would pay it every time).
     */
    private static FileFacts.Stat statIfAny(Path p) {
        if (!Files.exists(p)) {
            return null;
        }
        try {
            return FileFacts.stat(p);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    private static boolean isEmpty(Path dir) throws Failure {
        try (var s = Files.newDirectoryStream(dir)) {
            return !s.iterator().hasNext();
        } catch (IOException e) {
            throw new Failure(IoStatus.of(e));
        }
    }

    private static FileChannel channel(Path p, boolean write, boolean createNew) throws Failure {
        List<OpenOption> opts = new ArrayList<>();
        opts.add(StandardOpenOption.READ);
        if (write) {
            opts.add(StandardOpenOption.WRITE);
        }
        if (createNew) {
            opts.add(StandardOpenOption.CREATE_NEW);
        }
        try {
            return FileChannel.open(p, opts.toArray(new OpenOption[0]));
        } catch (IOException e) {
            throw new Failure(IoStatus.of(e));
        } catch (UnsupportedOperationException e) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
    }

    static void close(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                // nothing more to do
            }
        }
    }
}
