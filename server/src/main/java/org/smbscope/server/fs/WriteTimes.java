package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When LastWriteTime changes, the way Windows (and Samba before 4.20, which smbtorture 4.17 checks) does it:
 * the first WRITE on a handle updates the write time two seconds later, not at once; later writes on that
 * handle change nothing until CLOSE, which sets it if the handle wrote since the last update; a write time
 * a client sets explicitly sticks (writes no longer move it) until that handle closes. The file system
 * moves the modification time on every write, so after each write it is put back to what SMB shows.
 */
final class WriteTimes {
    static final Duration DELAY = Duration.ofSeconds(2);

    private final Clock clock;

    WriteTimes(Clock clock) {
        this.clock = clock;
    }

    /** The modification time before a write through {@code o}, to put back afterwards. */
    java.nio.file.attribute.FileTime before(Open o) {
        try {
            return Files.getLastModifiedTime(o.path());
        } catch (IOException e) {
            return null;
        }
    }

    /** A write through {@code o} happened; {@code before} is what {@link #before} returned. */
    void written(Open o, java.nio.file.attribute.FileTime before) {
        o.carryMeta = true; // only the data and times changed (MetaCache)
        FileState s = o.state;
        java.nio.file.attribute.FileTime show;
        synchronized (s) {
            if (s.stickyWrite != null) {
                show = s.stickyWrite;
            } else {
                o.updateOnClose = true;
                if (!o.writeTriggered) {
                    o.writeTriggered = true;
                    o.updateAt = clock.instant().plus(DELAY);
                }
                show = before;
            }
        }
        set(o.path(), show);
    }

    /** Applies updates that are due; call before showing the file's times. True if the write time was set. */
    boolean settle(FileState s, Path p) {
        Instant now = clock.instant();
        Instant due = null;
        synchronized (s) {
            for (Open o : s.opens) {
                if (o.updateAt != null && !now.isBefore(o.updateAt)) {
                    if (due == null || o.updateAt.isAfter(due)) {
                        due = o.updateAt;
                    }
                    o.updateAt = null;
                    o.updateOnClose = false;
                }
            }
            if (s.stickyWrite != null) {
                due = null;
            }
        }
        if (due != null) {
            set(p, java.nio.file.attribute.FileTime.from(due));
            return true;
        }
        return false;
    }

    /** {@code o} is closing: the write time moves to now if it wrote since the last update. */
    void closing(Open o) {
        settle(o.state, o.path());
        boolean update;
        synchronized (o.state) {
            update = o.updateOnClose && o.state.stickyWrite == null;
            o.updateOnClose = false;
            o.updateAt = null;
            if (o.state.stickyOwner == o) {
                o.state.stickyWrite = null;
                o.state.stickyOwner = null;
            }
        }
        if (update) {
            set(o.path(), java.nio.file.attribute.FileTime.from(clock.instant()));
        }
    }

    /** FLUSH or SET_INFO basic information: a pending update of the file happens now. */
    void flush(Open o) {
        boolean pending = false;
        synchronized (o.state) {
            for (Open x : o.state.opens) {
                if (x.updateAt != null) {
                    pending = true;
                    x.updateAt = null;
                    x.updateOnClose = false;
                }
            }
            if (o.state.stickyWrite != null) {
                pending = false;
            }
        }
        if (pending) {
            set(o.path(), java.nio.file.attribute.FileTime.from(clock.instant()));
        }
    }

    /** A client set the write time through {@code o}: it sticks, pending updates are dropped. */
    void setExplicitly(Open o, java.nio.file.attribute.FileTime t) {
        synchronized (o.state) {
            o.state.stickyWrite = t;
            o.state.stickyOwner = o;
            for (Open x : o.state.opens) {
                x.updateAt = null;
                x.updateOnClose = false;
            }
        }
    }

    /** A change of size (SET_INFO end of file / allocation) moves the write time at once unless it sticks. */
    void sizeChanged(Open o) {
        o.carryMeta = true;
        java.nio.file.attribute.FileTime sticky;
        synchronized (o.state) {
            sticky = o.state.stickyWrite;
            if (sticky == null) {
                o.updateAt = null;
            }
        }
        set(o.path(), sticky != null ? sticky : java.nio.file.attribute.FileTime.from(clock.instant()));
    }

    private static void set(Path p, java.nio.file.attribute.FileTime t) {
        if (t == null) {
            return;
        }
        try {
            Files.setLastModifiedTime(p, t);
        } catch (IOException | UnsupportedOperationException e) {
            // the file went or the file system keeps its own time
        }
    }
}
