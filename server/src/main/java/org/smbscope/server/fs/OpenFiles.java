package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What every tree connect of a server shares about files ([MS-SMB2] 3.3.1.1 GlobalOpenTable, [MS-FSA] 2.1.1
 * per-file state): the opens of each file (share modes, delete pending, byte-range locks) whichever tree,
 * session or connection made them, the change-notify watchers, and the file ids. Keyed by the file
 * system's file key (inode), so two names of one file meet. Creating, closing, renaming and deleting hold
 * {@link #lock} so share-mode checks and the name space change together.
 *
 * <p>Make one per server and give it to every {@link DiskTreeHandler}; thread safe.
 */
public final class OpenFiles {
    final ReentrantLock lock = new ReentrantLock();
    /** Signalled (under {@link #lock}) when an open closes or a durable open is left by its connection. */
    final java.util.concurrent.locks.Condition released = lock.newCondition();
    final NotifyRegistry notify = new NotifyRegistry();
    /** What the extended attributes of recently seen files hold. */
    final MetaCache meta = new MetaCache();
    final SecurityStore security = new SecurityStore(meta);
    final EaStore eas = new EaStore(meta);
    final SparseFiles sparse = new SparseFiles();
    final StreamStore streams = new StreamStore();
    final DurableOpens durable = new DurableOpens();
    final DirectoryNames names = new DirectoryNames();
    /** [MS-SMB2] 3.3.1.13 LeaseTable: every lease by ClientGuid + LeaseKey, guarded by {@link #lock}. */
    final Map<Lease.Id, Lease> leases = new HashMap<>();
    /**
     * The connections (their break senders) a client made lease opens on, oldest first, by ClientGuid: a lease
     * break goes to the client's first connection that still takes it (smbtorture lease.v2_complex1). Kept while
     * the client has leases; guarded by {@link #lock}.
     */
    final Map<org.smbscope.codec.dtyp.Guid, List<org.smbscope.server.tree.BreakSender>> clientSenders =
            new HashMap<>();
    /** DH2Q CREATEs waiting for a break, as ClientGuid/CreateGuid: a replay of one is refused meanwhile. */
    final java.util.Set<String> pendingCreates = ConcurrentHashMap.newKeySet();
    /** Opens made by a DH2Q CREATE, by ClientGuid/CreateGuid, durable or not: what a replay answers. */
    final Map<String, Open> replays = new ConcurrentHashMap<>();
    private final Map<Key, FileState> states = new HashMap<>();
    private final Map<Long, Open> opens = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong(1);
    private volatile java.time.Duration breakTimeout = DEFAULT_BREAK_TIMEOUT;
    /** [MS-SMB2] 3.3.2.1: how long a break waits for its acknowledgment (35 s, as Windows). */
    public static final java.time.Duration DEFAULT_BREAK_TIMEOUT = java.time.Duration.ofSeconds(35);

    private record Key(java.nio.file.FileSystem fs, Object fileKey) {
    }

    public OpenFiles() {
    }

    /** How long an oplock break waits for its acknowledgment before the oplock goes to none. */
    public java.time.Duration breakTimeout() {
        return breakTimeout;
    }

    /** Sets {@link #breakTimeout()} (shorter in tests). */
    public OpenFiles breakTimeout(java.time.Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout " + timeout);
        }
        this.breakTimeout = timeout;
        return this;
    }

    long nextId() {
        return next.getAndIncrement();
    }

    /** The state of the existing file {@code p}, created if no open has it. Caller holds {@link #lock}. */
    FileState state(Path p) throws IOException {
        return states.computeIfAbsent(key(p), FileState::new);
    }

    /**
     * The state of {@code p}, whose file key (just read) is {@code fileKey}, if some open has it. Caller holds
     * {@link #lock}.
     */
    FileState existing(Path p, Object fileKey) {
        if (fileKey == null) {
            return existing(p);
        }
        return states.get(new Key(p.getFileSystem(), fileKey));
    }

    /** {@link #state(Path)} for {@code p} whose file key (just read) is {@code fileKey}. */
    FileState state(Path p, Object fileKey) throws IOException {
        if (fileKey == null) {
            return state(p);
        }
        return states.computeIfAbsent(new Key(p.getFileSystem(), fileKey), FileState::new);
    }

    /** The state of {@code p} if some open has it. Caller holds {@link #lock}. */
    FileState existing(Path p) {
        try {
            return states.get(key(p));
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Caller holds {@link #lock}. The file's list of opens also changes under its monitor, for the
     * {@link WriteTimes} code that walks it without {@link #lock}.
     */
    void add(Open o) {
        synchronized (o.state) {
            o.state.opens.add(o);
        }
        opens.put(o.id, o);
    }

    /** Removes {@code o}; true if it was the last open of its file. Caller holds {@link #lock}. */
    boolean remove(Open o) {
        opens.remove(o.id);
        durable.remove(o);
        Leases.closing(this, o);
        if (o.createKey != null) {
            replays.remove(o.createKey, o);
        }
        boolean last;
        synchronized (o.state) {
            o.state.opens.remove(o);
            last = o.state.opens.isEmpty();
        }
        if (last) {
            states.remove((Key) o.state.key);
        }
        released.signalAll();
        return last;
    }

    /**
     * The durable open scavenger ([MS-SMB2] 3.3.2.2): closes every disconnected durable open whose timeout
     * has passed at {@code now}; how many it closed.
     */
    public int scavenge(java.time.Instant now) {
        lock.lock();
        try {
            List<Open> gone = durable.expired(now);
            for (Open o : gone) {
                DurableOpens.purge(this, o);
            }
            return gone.size();
        } finally {
            lock.unlock();
        }
    }

    /** Durable opens held now, connected or not. */
    public int durableCount() {
        lock.lock();
        try {
            return durable.size();
        } finally {
            lock.unlock();
        }
    }

    /** The key of the existing file {@code p}, or null. */
    Object keyOf(Path p) {
        try {
            return key(p);
        } catch (IOException e) {
            return null;
        }
    }

    /** True if an open made by a DH2Q CREATE with {@code createKey} (ClientGuid/CreateGuid) is still open. */
    boolean createGuidInUse(String createKey) {
        for (Open o : opens.values()) {
            if (createKey.equals(o.createKey)) {
                return true;
            }
        }
        return false;
    }

    /** Every open of every tree. */
    List<Open> all() {
        return new ArrayList<>(opens.values());
    }

    /** Opens held now, all trees together. */
    public int size() {
        return opens.size();
    }

    /** The file of the state with key {@code stateKey} is being deleted: {@link #meta} forgets it. */
    void deleting(Object stateKey) {
        if (stateKey instanceof Key k) {
            meta.forget(k.fs(), k.fileKey());
        }
    }

    private static Key key(Path p) throws IOException {
        Object k = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
        return new Key(p.getFileSystem(), k != null ? k : p.toRealPath().toString());
    }
}
