package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.file.Path;

import org.smbscope.codec.fscc.FileInformation;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.share.PathRefusal;
import org.smbscope.server.share.StreamName;

/**
 * FileRenameInformation on a stream, [MS-FSA] 2.1.5.14.11: the target is {@code :newname} or
 * {@code :newname:$DATA} (no file part: a stream stays with its file). An existing target stream is
 * STATUS_OBJECT_NAME_COLLISION unless ReplaceIfExists, and STATUS_SHARING_VIOLATION while it is open. A
 * stream open renamed to a file name, or the file's own data renamed to a stream, is STATUS_INVALID_PARAMETER;
 * to {@code file:stream} (a full name with a stream) it is STATUS_SHARING_VIOLATION, as Windows answers SMB2.
 */
final class StreamRename {
    private final Share share;

    StreamRename(Share share) {
        this.share = share;
    }

    /**
     * A named stream renamed onto the file's own data ([MS-FSA] 2.1.5.14.11.1): the default stream always
     * exists, so without ReplaceIfExists it is STATUS_OBJECT_NAME_COLLISION; with it the stream's bytes become
     * the file's data and the stream goes. The stream's opens then are opens of the file's data.
     */
    private void toDefault(Open o, Path p, boolean replace) throws Failure {
        if (!replace) {
            throw new Failure(NtStatus.OBJECT_NAME_COLLISION);
        }
        share.files.lock.lock();
        try {
            String key = StreamName.key(o.stream);
            for (Open x : o.state.opens) {
                if (x.stream == null && x.channel != null) {
                    // the file's data is open elsewhere: it cannot be replaced under that open
                    throw new Failure(NtStatus.SHARING_VIOLATION);
                }
            }
            StreamStore streams = share.files.streams;
            byte[] data = streams.read(p, o.stream);
            java.nio.file.Files.write(p, data);
            streams.delete(p, o.stream);
            o.state.streamDeletes.remove(key);
            for (Open x : o.state.opens) {
                if (x.stream != null && StreamName.key(x.stream).equals(key)) {
                    x.stream = null;
                }
            }
        } catch (IOException e) {
            throw new Failure(IoStatus.of(e));
        } finally {
            share.files.lock.unlock();
        }
    }

    void rename(Open o, FileInformation.Rename r) throws Failure {
        String target = r.fileName();
        if (o.stream != null && !target.startsWith(":") && StreamName.hasStream(target)) {
            // a stream of a full file name: Windows answers as if that name were another open of the file
            throw new Failure(NtStatus.SHARING_VIOLATION);
        }
        if (o.stream == null || !target.startsWith(":")) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        StreamName to;
        try {
            to = StreamName.parse(target);
        } catch (PathRefusal e) {
            throw new Failure(new NtStatus(e.status()));
        }
        if (!to.base().isEmpty()) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        Path p = o.path();
        if (!to.named()) {
            toDefault(o, p, r.replaceIfExists());
            return;
        }
        StreamStore streams = share.files.streams;
        if (!streams.nameFits(p, to.stream())) {
            throw new Failure(NtStatus.OBJECT_NAME_INVALID);
        }
        share.files.lock.lock();
        try {
            String fromKey = StreamName.key(o.stream);
            String toKey = StreamName.key(to.stream());
            if (!toKey.equals(fromKey)) {
                String existing = streams.find(p, to.stream());
                if (existing != null) {
                    if (!r.replaceIfExists()) {
                        throw new Failure(NtStatus.OBJECT_NAME_COLLISION);
                    }
                    for (Open x : o.state.opens) {
                        if (x.stream != null && StreamName.key(x.stream).equals(toKey)) {
                            throw new Failure(NtStatus.SHARING_VIOLATION);
                        }
                    }
                }
            }
            String from = o.stream;
            streams.rename(p, from, to.stream());
            for (Open x : o.state.opens) {
                if (x.stream != null && StreamName.key(x.stream).equals(fromKey)) {
                    x.stream = to.stream();
                }
            }
            if (o.state.streamDeletes.remove(fromKey)) {
                o.state.streamDeletes.add(toKey);
            }
        } catch (IOException e) {
            throw new Failure(IoStatus.of(e));
        } finally {
            share.files.lock.unlock();
        }
    }
}
