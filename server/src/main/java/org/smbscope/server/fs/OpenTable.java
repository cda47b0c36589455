package org.smbscope.server.fs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.smbscope.codec.smb2.FileId;

/**
 * The opens of one tree connect ([MS-SMB2] 3.3.1.10 TreeConnect.OpenTable): the FileIds this tree may use,
 * and its limit. The files' shared state lives in {@link OpenFiles}.
 */
final class OpenTable {
    private final ConcurrentHashMap<Long, Open> opens = new ConcurrentHashMap<>();
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

    void add(Open o) {
        opens.put(o.id, o);
    }

    void remove(Open o) {
        opens.remove(o.id);
    }

    List<Open> all() {
        return new ArrayList<>(opens.values());
    }
}
