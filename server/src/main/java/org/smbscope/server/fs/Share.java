package org.smbscope.server.fs;

import java.nio.file.Path;
import java.time.Clock;

import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.status.NtStatus;

/** What every command of one disk tree needs: the paths, the policy, the opens and the watchers. */
final class Share {
    final PathMapper paths;
    final boolean readOnly;
    final Clock clock;
    final OpenTable table;
    final OpenFiles files;
    final WriteTimes writeTimes;
    final boolean dos;
    /** User extended attributes can hold what the file system lacks (the creation time). */
    final boolean xattr;

    Share(PathMapper paths, boolean readOnly, Clock clock, OpenFiles files, int maxOpens) {
        this.files = files;
        this.writeTimes = new WriteTimes(clock);
        this.paths = paths;
        this.readOnly = readOnly;
        this.clock = clock;
        this.table = new OpenTable(maxOpens);
        this.dos = paths.root().getFileSystem().supportedFileAttributeViews().contains("dos");
        this.xattr = paths.root().getFileSystem().supportedFileAttributeViews().contains("user");
    }

    Open open(FileId id) throws Failure {
        Open o = table.get(id);
        if (o == null) {
            throw new Failure(NtStatus.FILE_CLOSED);
        }
        if (o.createKey != null) {
            // once the handle is used, a replay of its CREATE is a new CREATE (smbtorture replay.replay6)
            files.replays.remove(o.createKey, o);
        }
        return o;
    }

    FileFacts facts(Path p) throws Failure {
        return facts(p, null);
    }

    /** The facts of {@code p}, whose stat {@code known} (null: none) was read just now. */
    FileFacts facts(Path p, FileFacts.Stat known) throws Failure {
        try {
            // one stat: the file's key (its opens' state) and its attributes; read again only if a delayed write
            // time update was due and has just been applied
            FileFacts.Stat st = known != null ? known : FileFacts.stat(p);
            FileState s;
            files.lock.lock();
            try {
                s = files.existing(p, st.fileKey());
            } finally {
                files.lock.unlock();
            }
            if (s != null && writeTimes.settle(s, p)) {
                st = FileFacts.stat(p);
            }
            return sparse(FileFacts.read(p, st, dos, xattr, files.meta), s != null ? s.key : null, p);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new Failure(NtStatus.OBJECT_NAME_NOT_FOUND);
        } catch (java.io.IOException e) {
            throw new Failure(IoStatus.of(e));
        }
    }

    /** {@code f} with FILE_ATTRIBUTE_SPARSE_FILE if the file was made sparse ({@code key} may be null). */
    FileFacts sparse(FileFacts f, Object key, Path p) {
        if (!files.sparse.any() || f.directory()) {
            return f;
        }
        Object k = key != null ? key : files.keyOf(p);
        if (k == null || !files.sparse.isSparse(k)) {
            return f;
        }
        java.util.EnumSet<org.smbscope.codec.fscc.FileAttribute> a =
                java.util.EnumSet.of(org.smbscope.codec.fscc.FileAttribute.SPARSE_FILE);
        a.addAll(f.attributes());
        a.remove(org.smbscope.codec.fscc.FileAttribute.NORMAL);
        return new FileFacts(f.directory(), f.creationTime(), f.lastAccessTime(), f.lastWriteTime(), f.changeTime(),
                f.endOfFile(), f.allocationSize(), a, f.indexNumber(), f.links());
    }

    /** A change made through this server, for the watchers of its directory. */
    void changed(Path p, int action, boolean directory, int filter) {
        files.notify.report(p, action, filter == 0 ? (directory ? NotifyRegistry.DIR_NAME : NotifyRegistry.FILE_NAME)
                : filter);
    }
}
