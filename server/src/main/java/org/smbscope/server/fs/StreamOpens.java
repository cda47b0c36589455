package org.smbscope.server.fs;

import java.io.IOException;
import java.util.List;

import org.smbscope.server.share.StreamName;

/**
 * The rules a stream open ({@link Open#stream} set) follows besides its CREATE ([MS-FSA] 2.1.1.4 Stream): its
 * size, sharing with the opens of its file, delete pending per stream, and what watchers hear
 * ({@code file:stream}, [MS-FSCC] 2.7.1 FILE_ACTION_*_STREAM).
 */
final class StreamOpens {
    private StreamOpens() {
    }

    /** {@code f} with the size of {@code o}'s stream, when {@code o} is a stream open. */
    static FileFacts sized(FileFacts f, Open o) {
        if (o.stream == null || o.channel == null) {
            return f;
        }
        long size;
        try {
            size = o.channel.size();
        } catch (IOException e) {
            size = 0;
        }
        long alloc = (size + FileFacts.CLUSTER - 1) / FileFacts.CLUSTER * FileFacts.CLUSTER;
        return new FileFacts(false, f.creationTime(), f.lastAccessTime(), f.lastWriteTime(), f.changeTime(), size,
                alloc, f.attributes(), f.indexNumber(), f.links());
    }

    /**
     * Whether an open of the file itself ({@code granted}, {@code shareAccess}) conflicts with {@code other}:
     * fully with another open of the file, and with an open of one of its streams only when the new open asks
     * for DELETE and the stream's open does not share it ([MS-FSA] 2.1.5.1.2: deleting the file deletes its
     * streams).
     */
    static boolean baseConflicts(Open other, int granted, int shareAccess) {
        if (other.stream == null) {
            return ShareModes.conflicts(other.granted, other.share, granted, shareAccess);
        }
        return (granted & Access.DELETE) != 0 && (other.share & ShareModes.SHARE_DELETE) == 0;
    }

    /**
     * The stream open {@code o} was closed (caller holds {@link OpenFiles#lock}): its stream goes if it was
     * marked for deletion and this was its last open. True if it went (tell the watchers after the lock).
     */
    static boolean closed(Share share, Open o) {
        String key = StreamName.key(o.stream);
        if (!o.state.streamDeletes.contains(key)) {
            return false;
        }
        for (Open x : o.state.opens) {
            if (x.stream != null && StreamName.key(x.stream).equals(key)) {
                return false;
            }
        }
        o.state.streamDeletes.remove(key);
        try {
            share.files.streams.delete(o.path(), o.stream);
        } catch (IOException e) {
            // the file went meanwhile: its streams with it
            return false;
        }
        return true;
    }

    /** Tells the watchers of {@code o}'s directory that its stream changed ({@code file:stream}). */
    static void notify(Share share, Open o, int action, int filter) {
        String s = o.stream;
        if (s != null) {
            share.files.notify.report(List.of(new NotifyRegistry.Change(o.path(), action, filter, s)));
        }
    }

    /** FileDispositionInformation on a stream open: marks or unmarks the stream (caller holds the lock). */
    static void disposition(Open o, boolean delete) {
        String key = StreamName.key(o.stream);
        if (delete) {
            o.state.streamDeletes.add(key);
        } else {
            o.state.streamDeletes.remove(key);
            o.deleteOnClose(false);
        }
    }
}
