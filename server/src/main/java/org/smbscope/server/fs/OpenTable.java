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

import org.smbscope.codec.smb2.FileId;

/**
 * The opens of one tree ([MS-SMB2] 3.3.1.10 OpenTable) and the per-file states they share, keyed by the
 * file system's file key (inode), so two names of one file meet. Creating, closing, renaming and deleting
 * hold {@link #lock} so share-mode checks and the name space change together.
 */
final class OpenTable {
    final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentHashMap<Long, Open> opens = new ConcurrentHashMap<>();
    private final Map<Object, FileState> states = new HashMap<>();
    private final AtomicLong next = new AtomicLong(1);
    private final int max;

    OpenTable(int max) {
        this.max = max;
    }

    /** The open named by {@code id}, or null (STATUS_FILE_CLOSED). */
    Open get(FileId id) {
        if (id.persistent() != id.volatileId()) {
            return null;
        }
        return opens.get(id.volatileId());
    }

    boolean full() {
        return opens.size() >= max;
    }

    int size() {
        return opens.size();
    }

    long nextId() {
        return next.getAndIncrement();
    }

    /** The state of the existing file {@code p}, created if no open has it. Caller holds {@link #lock}. */
    FileState state(Path p) throws IOException {
        Object key = key(p);
        return states.computeIfAbsent(key, FileState::new);
    }

    /** The state of {@code p} if some open has it. Caller holds {@link #lock}. */
    FileState existing(Path p) {
        try {
            return states.get(key(p));
        } catch (IOException e) {
            return null;
        }
    }

    void add(Open o) {
        o.state.opens.add(o);
        opens.put(o.id, o);
    }

    /** Removes {@code o}; true if it was the last open of its file. Caller holds {@link #lock}. */
    boolean remove(Open o) {
        opens.remove(o.id);
        o.state.opens.remove(o);
        if (o.state.opens.isEmpty()) {
            states.remove(o.state.key);
            return true;
        }
        return false;
    }

    List<Open> all() {
        return new ArrayList<>(opens.values());
    }

    private static Object key(Path p) throws IOException {
        Object k = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
        return k != null ? k : p.toRealPath().toString();
    }
}
