package org.smbscope.server.fs;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.smbscope.codec.smb2.ChangeNotifyRequest;
import org.smbscope.codec.smb2.CloseRequest;
import org.smbscope.codec.smb2.CreateRequest;
import org.smbscope.codec.smb2.CreateResponse;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.FlushRequest;
import org.smbscope.codec.smb2.IoctlRequest;
import org.smbscope.codec.smb2.LeaseBreakAcknowledgment;
import org.smbscope.codec.smb2.LockRequest;
import org.smbscope.codec.smb2.LockResponse;
import org.smbscope.codec.smb2.OplockBreak;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.QueryDirectoryRequest;
import org.smbscope.codec.smb2.QueryInfoRequest;
import org.smbscope.codec.smb2.ReadRequest;
import org.smbscope.codec.smb2.SetInfoRequest;
import org.smbscope.codec.smb2.Smb2Request;
import org.smbscope.codec.smb2.WriteRequest;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.share.ShareRoot;
import org.smbscope.server.tree.Outcome;
import org.smbscope.server.tree.RequestContext;
import org.smbscope.server.tree.TreeHandler;

/**
 * A disk share's file commands ([MS-SMB2] 3.3.5.9 to 3.3.5.21) served from a directory of a
 * {@code java.nio.file} file system: each command is its own class (CREATE, CLOSE, READ/WRITE/FLUSH, LOCK,
 * QUERY_DIRECTORY, CHANGE_NOTIFY, QUERY_INFO, SET_INFO, IOCTL) over one {@link OpenTable}. Every path goes
 * through {@link ShareRoot}, so nothing outside the share is reachable. Thread safe.
 */
public final class DiskTreeHandler implements TreeHandler {
    /** Opens one tree may hold before CREATE answers STATUS_INSUFFICIENT_RESOURCES. */
    public static final int DEFAULT_MAX_OPENS = 16384;
    private static final Logger LOG = LoggerFactory.getLogger(DiskTreeHandler.class);
    private static final NtStatus FILE_NOT_AVAILABLE = new NtStatus(0xC0000467);

    private final Share share;
    private final CreateCommand create;
    private final CloseCommand close;
    private final DataCommands data;
    private final DirectoryQuery directory;
    private final InfoQuery queryInfo;
    private final InfoSet setInfo;
    private final IoctlCommand ioctl;

    /**
     * A handler with its own {@link OpenFiles}: share modes, locks and change notify see only this tree's
     * opens. A server gives all its trees one {@link OpenFiles} with the constructor below.
     */
    public DiskTreeHandler(ShareRoot root, boolean readOnly, Clock clock) {
        this(root, readOnly, clock, new OpenFiles(), DEFAULT_MAX_OPENS);
    }

    /** A handler for one tree connect; {@code files} is shared by every tree connect of the server. */
    public DiskTreeHandler(ShareRoot root, boolean readOnly, Clock clock, OpenFiles files) {
        this(root, readOnly, clock, files, DEFAULT_MAX_OPENS);
    }

    public DiskTreeHandler(ShareRoot root, boolean readOnly, Clock clock, OpenFiles files, int maxOpens) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(files, "files");
        if (maxOpens < 1) {
            throw new IllegalArgumentException("maxOpens " + maxOpens);
        }
        this.share = new Share(new PathMapper(root, files.names), readOnly, clock, files, maxOpens);
        this.create = new CreateCommand(share);
        this.close = new CloseCommand(share);
        this.data = new DataCommands(share);
        this.directory = new DirectoryQuery(share);
        this.queryInfo = new InfoQuery(share);
        this.setInfo = new InfoSet(share);
        this.ioctl = new IoctlCommand(share);
    }

    /** WRITE data goes to the file part by part as it arrives ({@link DataCommands#write}). */
    @Override
    public boolean takesArrivingWrites() {
        return true;
    }

    @Override
    public Outcome handle(RequestContext context, Smb2Request request) {
        try {
            switch (request) {
                case WriteRequest r -> channelSequence(context, r.fileId(), true);
                case SetInfoRequest r -> channelSequence(context, r.fileId(), true);
                case IoctlRequest r -> channelSequence(context, r.fileId(), true);
                case ReadRequest r -> channelSequence(context, r.fileId(), false);
                case QueryInfoRequest r -> channelSequence(context, r.fileId(), false);
                case FlushRequest r -> channelSequence(context, r.fileId(), false);
                case LockRequest r -> channelSequence(context, r.fileId(), false);
                default -> { }
            }
            return switch (request) {
                case CreateRequest r -> sequenced(context, create(context, r));
                case CloseRequest r -> Outcome.Done.ok(close.close(r));
                case ReadRequest r -> Outcome.Done.ok(data.read(context, r));
                case WriteRequest r -> Outcome.Done.ok(data.write(context, r));
                case FlushRequest r -> Outcome.Done.ok(data.flush(r));
                case LockRequest r -> lock(context, r);
                case QueryDirectoryRequest r -> Outcome.Done.ok(directory.query(context, r));
                case ChangeNotifyRequest r -> changeNotify(context, r);
                case QueryInfoRequest r -> queryInfo.query(context, r);
                case SetInfoRequest r -> setInfo(context, r);
                case IoctlRequest r -> ioctl.ioctl(context, r);
                case OplockBreak r -> Outcome.Done.ok(Oplocks.acknowledge(share.files, share.open(r.fileId()),
                        r.oplockLevel()));
                case LeaseBreakAcknowledgment r -> Outcome.Done.ok(Leases.acknowledge(share.files,
                        context.clientGuid(), r));
                default -> Outcome.Done.error(NtStatus.NOT_SUPPORTED, request.command());
            };
        } catch (Failure f) {
            return Outcome.Done.error(f.status(), request.command());
        } catch (RuntimeException e) {
            // a bug or an unexpected file system answer must not take the connection down, nor go unseen
            LOG.warn("{} on share {} failed unexpectedly, answering STATUS_INTERNAL_ERROR", request.command(),
                    share.paths.root(), e);
            return Outcome.Done.error(NtStatus.INTERNAL_ERROR, request.command());
        }
    }

    @Override
    public Outcome.Done renameByPath(RequestContext context, CreateRequest open, byte[] renameInfo) {
        Outcome opened = handle(context, open);
        if (opened instanceof Outcome.Pending p) {
            p.cancel().run(); // an attribute-only open waits for no break; should it, it gives up
            return Outcome.Done.error(NtStatus.SHARING_VIOLATION, Smb2Command.SET_INFO);
        }
        Outcome.Done d = (Outcome.Done) opened;
        if (d.status().value() != 0 || !(d.response() instanceof CreateResponse cr)) {
            return d;
        }
        Outcome.Done r;
        try {
            setInfo.renameInternal(context, share.open(cr.fileId()), renameInfo);
            r = Outcome.Done.ok(new org.smbscope.codec.smb2.SetInfoResponse());
        } catch (Failure f) {
            r = Outcome.Done.error(f.status(), Smb2Command.SET_INFO);
        }
        handle(context, new CloseRequest(0, cr.fileId()));
        return r;
    }

    private Outcome lock(RequestContext context, LockRequest r) throws Failure {
        Open o = share.open(r.fileId());
        if (o.directory) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        // [MS-SMB2] 3.3.5.14: a resilient open, and on SMB 3.x (the server offers multichannel) every open,
        // replays a lock it already did
        int index = r.lockSequence() >>> 4;
        int seq = r.lockSequence() & 0xF;
        boolean durable;
        share.files.lock.lock();
        try {
            durable = o.durable != null;
        } finally {
            share.files.lock.unlock();
        }
        // SMB 3.x offers multichannel, so every 3.x open checks, durable or not (smbtorture replay_smb3_specification_multi)
        boolean checks = context.dialect().value() >= 0x0300 || durable
                || (o.resilient && !context.dialect().equals(Smb2Dialect.SMB_2_0_2));
        boolean sequenced = checks && index >= 1 && index <= 64;
        if (sequenced) {
            if (o.lockReplayed(index, seq)) {
                return Outcome.Done.ok(new LockResponse());
            }
            o.lockSequence(index, -1);
        }
        Oplocks.dataChanged(share.files, o);
        Outcome out = o.state.locks.lock(o, r.locks());
        if (sequenced && out instanceof Outcome.Done d && d.status().equals(NtStatus.SUCCESS)) {
            o.lockSequence(index, seq);
        }
        return out;
    }

    /**
     * [MS-SMB2] 3.3.5.2.10: a request's newer ChannelSequence (up to 0x7FFF ahead, as Samba) becomes the open's;
     * a {@code modifying} one (WRITE, SET_INFO, IOCTL) with an older one fails with STATUS_FILE_NOT_AVAILABLE
     * (smbtorture replay.channel-sequence, replay.replay4).
     */
    private void channelSequence(RequestContext context, org.smbscope.codec.smb2.FileId id, boolean modifying)
            throws Failure {
        if (context.channelSequence() < 0) {
            return;
        }
        Open o;
        try {
            o = share.open(id);
        } catch (Failure f) {
            return; // the command itself answers
        }
        synchronized (o) {
            int ahead = (context.channelSequence() - o.channelSequence) & 0xFFFF;
            if (ahead <= 0x7FFF) {
                o.channelSequence = context.channelSequence();
            } else if (modifying) {
                throw new Failure(FILE_NOT_AVAILABLE);
            }
        }
    }

    /** A CREATE's open takes the request's ChannelSequence. */
    private Outcome sequenced(RequestContext context, Outcome out) {
        if (context.channelSequence() >= 0 && out instanceof Outcome.Done d
                && d.response() instanceof CreateResponse cr && !d.status().isError()) {
            Open o = share.table.get(cr.fileId());
            if (o != null) {
                synchronized (o) {
                    o.channelSequence = context.channelSequence();
                }
            }
        }
        return out;
    }

    /** CREATE; when it must wait for an oplock break it goes async and is retried once the break ends. */
    private Outcome create(RequestContext context, CreateRequest r) throws Failure {
        CreateContexts.V2 v2 = context.dialect().value() >= 0x0300 ? CreateContexts.of(r.contexts()).v2() : null;
        String pendingKey = v2 == null ? null : context.clientGuid() + "/" + v2.createGuid();
        if (pendingKey != null && context.replay() && share.files.pendingCreates.contains(pendingKey)) {
            // [MS-SMB2] 3.3.5.9.10: the replayed CREATE is still in progress (smbtorture replay.dhv2-pending1*)
            throw new Failure(FILE_NOT_AVAILABLE);
        }
        Oplocks.Notices notices = new Oplocks.Notices();
        try {
            for (int attempt = 0; ; attempt++) {
                try {
                    return Outcome.Done.ok(create.create(context, r, notices));
                } catch (Oplocks.Wait w) {
                    // nothing to wait for (a disconnected durable open was closed): start again at once
                    if (attempt == 3 || !w.done.isDone()) {
                        throw w;
                    }
                }
            }
        } catch (Oplocks.Wait w) {
            CompletableFuture<Outcome.Done> result = new CompletableFuture<>();
            if (pendingKey != null && share.files.pendingCreates.add(pendingKey)) {
                result.whenComplete((d, e) -> share.files.pendingCreates.remove(pendingKey));
            }
            retryAfter(context, r, w.done, result);
            return new Outcome.Pending(result,
                    () -> result.complete(Outcome.Done.error(NtStatus.CANCELLED, Smb2Command.CREATE)));
        } finally {
            notices.send();
        }
    }

    private void retryAfter(RequestContext context, CreateRequest r, CompletableFuture<Void> wait,
            CompletableFuture<Outcome.Done> result) {
        // runs on the thread that ends the break (acknowledgment, close or the timer), which holds no lock then
        wait.whenComplete((v, e) -> {
            if (result.isDone()) {
                return;
            }
            Oplocks.Notices notices = new Oplocks.Notices();
            try {
                CreateResponse response = create.create(context, r, notices);
                if (!result.complete(Outcome.Done.ok(response))) {
                    // cancelled meanwhile: nobody will ever learn the handle
                    Open o = share.table.get(response.fileId());
                    if (o != null) {
                        close.close(o);
                    }
                }
            } catch (Oplocks.Wait again) {
                retryAfter(context, r, again.done, result);
            } catch (Failure f) {
                result.complete(Outcome.Done.error(f.status(), Smb2Command.CREATE));
            } catch (RuntimeException ex) {
                LOG.warn("CREATE after an oplock break on share {} failed unexpectedly", share.paths.root(), ex);
                result.complete(Outcome.Done.error(NtStatus.INTERNAL_ERROR, Smb2Command.CREATE));
            } finally {
                notices.send();
            }
        });
    }

    /**
     * SET_INFO; a rename, or setting delete-on-close (smbtorture lease.unlink), first breaks the handle caching of
     * other leases on the file and waits for it.
     */
    private Outcome setInfo(RequestContext context, SetInfoRequest r) throws Failure {
        boolean disposition = r.infoClass() == 13 && r.buffer().length > 0 && r.buffer()[0] != 0;
        if (r.infoType().equals(org.smbscope.codec.smb2.InfoType.FILE) && (r.infoClass() == 10 || disposition)) {
            Oplocks.Notices notices = new Oplocks.Notices();
            CompletableFuture<Void> wait;
            try {
                wait = Leases.beforeRename(share.files, share.open(r.fileId()), notices);
            } finally {
                notices.send();
            }
            if (wait != null) {
                CompletableFuture<Outcome.Done> result = new CompletableFuture<>();
                wait.whenComplete((v, e) -> {
                    if (result.isDone()) {
                        return;
                    }
                    try {
                        result.complete(Outcome.Done.ok(setInfo.set(context, r)));
                    } catch (Failure f) {
                        result.complete(Outcome.Done.error(f.status(), Smb2Command.SET_INFO));
                    } catch (RuntimeException ex) {
                        LOG.warn("rename after a lease break on share {} failed unexpectedly", share.paths.root(), ex);
                        result.complete(Outcome.Done.error(NtStatus.INTERNAL_ERROR, Smb2Command.SET_INFO));
                    }
                });
                return new Outcome.Pending(result,
                        () -> result.complete(Outcome.Done.error(NtStatus.CANCELLED, Smb2Command.SET_INFO)));
            }
        }
        return Outcome.Done.ok(setInfo.set(context, r));
    }

    private Outcome changeNotify(RequestContext context, ChangeNotifyRequest r) throws Failure {
        Open o = share.open(r.fileId());
        if (!o.directory || (r.outputBufferLength() & 0xFFFFFFFFL) > context.maxTransactSize()) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        if (!o.has(Access.READ_DATA)) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
        return share.files.notify.request(o, r);
    }

    /** Opens this tree holds now. */
    public int openCount() {
        return share.table.size();
    }

    /** The connection is lost: durable opens stay for a reconnect, the others close (oldest first). */
    @Override
    public void disconnect() {
        java.util.List<Open> all = share.table.all();
        all.sort(java.util.Comparator.comparingLong(o -> o.id));
        for (Open o : all) {
            if (!close.detach(o)) {
                close.close(o);
            }
        }
    }

    /**
     * The durable open scavenger run now ([MS-SMB2] 3.3.2.2; also scheduled on each disconnect): how many
     * disconnected durable opens of the server had timed out and were closed.
     */
    public int scavenge() {
        return share.files.scavenge(share.clock.instant());
    }

    @Override
    public void close() {
        // oldest first: a lock held by an older handle goes before a newer handle's request waiting for it
        java.util.List<Open> all = share.table.all();
        all.sort(java.util.Comparator.comparingLong(o -> o.id));
        for (Open o : all) {
            close.close(o);
        }
    }
}
