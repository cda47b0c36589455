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
        return o;
    }

    FileFacts facts(Path p) throws Failure {
        FileState s;
        files.lock.lock();
        try {
            s = files.existing(p);
        } finally {
            files.lock.unlock();
        }
        if (s != null) {
            writeTimes.settle(s, p);
        }
        try {
            return FileFacts.read(p, dos, xattr);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new Failure(NtStatus.OBJECT_NAME_NOT_FOUND);
        } catch (java.io.IOException e) {
            throw new Failure(IoStatus.of(e));
        }
    }

    /** A change made through this server, for the watchers of its directory. */
    void changed(Path p, int action, boolean directory, int filter) {
        files.notify.report(p, action, filter == 0 ? (directory ? NotifyRegistry.DIR_NAME : NotifyRegistry.FILE_NAME)
                : filter);
    }
}
