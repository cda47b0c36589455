package org.smbscope.server.fs;

import java.nio.file.FileSystem;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the extended attributes of recently seen files hold (the stored security descriptor, the DOS attributes,
 * the kept creation time, the size of the EAs), so an open of a file seen before reads none of them again: each read is an open, a
 * getxattr and a close, and a missing attribute costs the JDK an exception as well. Keyed by the file's identity
 * (the file key of a stat: device and inode) and valid while the file's change time (ctime, from the same stat)
 * is the one the values were read at; an attribute the file lacks is kept as absent.
 *
 * <p>A change time can be coarse (a change within one clock tick may leave it as it was), so every change this
 * server makes to these attributes, and every removal of a file, also {@link #forget forgets} the file; a value
 * read while a change was being made is not kept. Changes made by others are seen through the change time. What
 * this server stores on a file it creates is {@link #prime primed}, and its own changes to a file's data (which move
 * the change time but none of these values) {@link #carry carry} the kept values to the new change time.
 * Bounded: the least recently used of {@link #CAPACITY} files goes first. Thread safe.
 */
final class MetaCache {
    /** The number of files kept. */
    static final int CAPACITY = 4096;
    /** The security descriptor's bytes ({@code byte[]}). */
    static final int SD = 0;
    /** The DOS attribute mask ({@code Integer}). */
    static final int DOS = 1;
    /** The kept creation time, a FILETIME ({@code Long}). */
    static final int BIRTH = 2;
    /** The packed size of the file's EAs ({@code Integer}, [MS-FSCC] 2.4.15 EaSize; see {@link EaStore}). */
    static final int EA_SIZE = 3;
    private static final int FIELDS = 4;
    /** The value of an attribute the file lacks (also for {@link #prime}). */
    static final Object ABSENT = new Object();

    private record Key(FileSystem fs, Object fileKey) {
    }

    /** The values of one file as of change time {@code ctime}; null: not read yet. Guarded by the cache. */
    private static final class Values {
        final long ctime;
        final Object[] values = new Object[FIELDS];

        Values(long ctime) {
            this.ctime = ctime;
        }
    }

    private final int capacity;
    private final Map<Key, Values> entries;
    /** Counts the forgets: a value read while one happened is not kept. Guarded by {@code this}. */
    private long forgets;

    MetaCache() {
        this(CAPACITY);
    }

    MetaCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Values> eldest) {
                return size() > MetaCache.this.capacity;
            }
        };
    }

    /**
     * Attribute {@code field} of the file {@code p} whose stat is {@code st}: the kept value if the file has not
     * changed since, else what {@code load} reads now (null: the file lacks it), kept. Without a file key or a
     * change time (a file system that tells none), or for the stat of a symbolic link itself, every call loads.
     */
    @SuppressWarnings("unchecked")
    <T> T get(Path p, FileFacts.Stat st, int field, Supplier<T> load) {
        if (st == null || st.fileKey() == null || st.changed() == FileFacts.Stat.UNKNOWN || st.symbolicLink()) {
            // no identity to keep it by (a link's own stat: its attributes are its target's, which may change)
            return load.get();
        }
        Key k = new Key(p.getFileSystem(), st.fileKey());
        long seen;
        synchronized (this) {
            Values e = entries.get(k);
            if (e != null && e.ctime == st.changed()) {
                Object v = e.values[field];
                if (v != null) {
                    return v == ABSENT ? null : (T) v;
                }
            }
            seen = forgets;
        }
        T v = load.get();
        synchronized (this) {
            if (forgets == seen) {
                Values e = entries.get(k);
                if (e == null || e.ctime != st.changed()) {
                    e = new Values(st.changed());
                    entries.put(k, e);
                }
                e.values[field] = v == null ? ABSENT : v;
            }
        }
        return v;
    }

    /**
     * Keeps {@code values} (indexed by field; null: not known) of a file this server has just created and stored them
     * on, as of change time {@code ctime}. That stat may predate the last of those stores: the creating open
     * {@link #carry carries} them to the file's change time when it closes.
     */
    void prime(FileSystem fs, Object fileKey, long ctime, Object... values) {
        if (fileKey == null || ctime == FileFacts.Stat.UNKNOWN) {
            return;
        }
        Values e = new Values(ctime);
        for (int i = 0; i < FIELDS && i < values.length; i++) {
            e.values[i] = values[i];
        }
        synchronized (this) {
            entries.put(new Key(fs, fileKey), e);
        }
    }

    /**
     * This server's own changes to a file's data and times (a create's stores, WRITEs, the write time put back)
     * moved its change time from {@code from} to {@code to}; none of them changed what is kept here, so what was
     * kept as of {@code from} now holds as of {@code to}. A change by others while the changing open was open, that
     * nobody looked at before this carry, is not seen until the next change of the file (as a change within one
     * clock tick is not).
     */
    void carry(FileSystem fs, Object fileKey, long from, long to) {
        if (fileKey == null || from == FileFacts.Stat.UNKNOWN || to == FileFacts.Stat.UNKNOWN || from == to) {
            return;
        }
        synchronized (this) {
            Key k = new Key(fs, fileKey);
            Values e = entries.get(k);
            if (e != null && e.ctime == from) {
                Values moved = new Values(to);
                System.arraycopy(e.values, 0, moved.values, 0, FIELDS);
                entries.put(k, moved);
            }
        }
    }

    /** The file with key {@code fileKey} on {@code fs} has changed, or gone: nothing kept of it holds. */
    void forget(FileSystem fs, Object fileKey) {
        synchronized (this) {
            forgets++;
            if (fileKey != null) {
                entries.remove(new Key(fs, fileKey));
            }
        }
    }

    /**
     * The file {@code p} has just been changed by this server (after the change: a read made meanwhile is not
     * kept). One stat for its key; nothing when nothing is kept.
     */
    void forget(Path p) {
        synchronized (this) {
            if (entries.isEmpty()) {
                forgets++;
                return;
            }
        }
        Object key;
        try {
            key = FileFacts.stat(p).fileKey();
        } catch (java.io.IOException e) {
            key = null; // gone: a later file with its key has another change time, or is forgotten when created
        }
        forget(p.getFileSystem(), key);
    }

    /** How many files are kept (tests). */
    synchronized int size() {
        return entries.size();
    }
}
