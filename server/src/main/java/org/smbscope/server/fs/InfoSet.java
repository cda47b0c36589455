package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.util.ArrayList;
import java.util.List;

import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.fscc.FileAttribute;
import org.smbscope.codec.fscc.FileInformation;
import org.smbscope.codec.fscc.FileInformationClass;
import org.smbscope.codec.fscc.FileNotifyInformation;
import org.smbscope.codec.fscc.FsccDecodeException;
import org.smbscope.codec.smb2.InfoType;
import org.smbscope.codec.smb2.SetInfoRequest;
import org.smbscope.codec.smb2.SetInfoResponse;
import org.smbscope.codec.status.NtStatus;

/**
 * SET_INFO, [MS-SMB2] 3.3.5.21 and [MS-FSA] 2.1.5.14: basic information (times, with 0 and -1 meaning "leave
 * as is"; attributes, 0 meaning "leave"), end of file, allocation, disposition (delete pending), rename
 * (target relative to the share root, ReplaceIfExists) and position. Security descriptors are stored
 * ({@link SecurityStore}) with their generic rights mapped; a new owner must be in the caller's token. A read-only share refuses every change.
 */
final class InfoSet {
    private final Share share;

    InfoSet(Share share) {
        this.share = share;
    }

    SetInfoResponse set(org.smbscope.server.tree.RequestContext ctx, SetInfoRequest r) throws Failure {
        Open o = share.open(r.fileId());
        if (r.infoType().equals(InfoType.FILE)) {
            file(ctx, o, r.infoClass(), r.buffer());
        } else if (r.infoType().equals(InfoType.SECURITY)) {
            int need = ((r.additionalInformation() & (SecurityDescriptors.OWNER | SecurityDescriptors.GROUP)) != 0
                    ? Access.WRITE_OWNER : 0)
                    | ((r.additionalInformation() & SecurityDescriptors.DACL) != 0 ? Access.WRITE_DAC : 0)
                    | ((r.additionalInformation() & SecurityDescriptors.SACL) != 0 ? Access.ACCESS_SYSTEM_SECURITY : 0);
            if (share.readOnly || (o.granted & need) != need) {
                throw new Failure(NtStatus.ACCESS_DENIED);
            }
            SdParts update = SdParts.parse(r.buffer());
            if (update == null) {
                throw new Failure(NtStatus.INVALID_PARAMETER);
            }
            int bits = r.additionalInformation();
            if ((bits & SecurityDescriptors.OWNER) != 0 && update.ownerSid() != null
                    && !ctx.token().has(update.ownerSid())) {
                // [MS-DTYP] 2.5.3.4: an owner must be the caller or one of its groups (no SeRestorePrivilege here)
                throw new Failure(NtStatus.INVALID_OWNER);
            }
            SdParts current = FileSecurity.effective(share, o.path(), o.directory);
            share.files.security.write(o.path(), Inheritance.mapped(current.merge(update, bits)));
            share.changed(o.path(), FileNotifyInformation.ACTION_MODIFIED, o.directory, NotifyRegistry.SECURITY);
        } else if (r.infoType().equals(InfoType.FILESYSTEM) || r.infoType().equals(InfoType.QUOTA)) {
            throw new Failure(share.readOnly ? NtStatus.ACCESS_DENIED : NtStatus.NOT_SUPPORTED);
        } else {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        return new SetInfoResponse();
    }

    private void file(org.smbscope.server.tree.RequestContext ctx, Open o, int c, byte[] buffer) throws Failure {
        FileInformationClass cls = new FileInformationClass(c);
        switch (c) {
            case 14 -> o.position(decode(cls, buffer, FileInformation.Value.class).value());
            case 16 -> decode(cls, buffer, FileInformation.Value.class);
            case 4 -> basic(o, decode(cls, buffer, FileInformation.Basic.class));
            case 19, 20 -> size(o, c == 20, decode(cls, buffer, FileInformation.Value.class).value());
            case 13 -> disposition(o, decode(cls, buffer, FileInformation.Disposition.class).deletePending());
            case 64 -> {
                if (buffer.length < 4) {
                    throw new Failure(NtStatus.INFO_LENGTH_MISMATCH);
                }
                disposition(o, (ByteBuffer.wrap(buffer).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt() & 1) != 0);
            }
            case 10 -> rename(ctx, o, decode(cls, buffer, FileInformation.Rename.class), false);
            case 15 -> new EaCommands(share).set(o, buffer);
            // FileLinkInformation has FileRenameInformation's layout
            case 11 -> link(o, decode(FileInformationClass.RENAME, buffer, FileInformation.Rename.class));
            default -> throw new Failure(NtStatus.INVALID_INFO_CLASS);
        }
    }

    private static <T extends FileInformation> T decode(FileInformationClass c, byte[] buffer, Class<T> type)
            throws Failure {
        try {
            FileInformation i = FileInformation.decode(c, buffer);
            if (!type.isInstance(i)) {
                throw new Failure(NtStatus.INVALID_PARAMETER);
            }
            return type.cast(i);
        } catch (FsccDecodeException e) {
            throw new Failure(NtStatus.INFO_LENGTH_MISMATCH);
        }
    }

    private void refuseOnReadOnlyShare() throws Failure {
        if (share.readOnly) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
    }

    private void basic(Open o, FileInformation.Basic b) throws Failure {
        refuseOnReadOnlyShare();
        if (!o.has(Access.WRITE_ATTRIBUTES)) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
        int attrs = FileAttribute.toMask(b.attributes());
        if (attrs != 0) {
            if (!o.directory && b.attributes().contains(FileAttribute.DIRECTORY)) {
                throw new Failure(NtStatus.INVALID_PARAMETER);
            }
            if (o.directory && b.attributes().contains(FileAttribute.TEMPORARY)) {
                throw new Failure(NtStatus.INVALID_PARAMETER);
            }
        }
        Path p = o.path();
        if (!o.directory) {
            share.writeTimes.flush(o);
        }
        BasicFileAttributeView v = Files.getFileAttributeView(p, BasicFileAttributeView.class);
        try {
            v.setTimes(time(b.lastWriteTime()), time(b.lastAccessTime()), time(b.creationTime()));
        } catch (IOException e) {
            throw new Failure(IoStatus.of(e));
        }
        if (!o.directory && b.lastWriteTime().value() != 0 && b.lastWriteTime().value() != -2) {
            java.nio.file.attribute.FileTime w = time(b.lastWriteTime());
            if (w == null) {
                try {
                    w = Files.getLastModifiedTime(p);
                } catch (IOException e) {
                    w = null;
                }
            }
            if (w != null) {
                share.writeTimes.setExplicitly(o, w);
            }
        }
        if (share.xattr && time(b.creationTime()) != null) {
            BirthTime.write(p, b.creationTime(), share.files.meta);
        }
        if (share.xattr && FarTimes.beyond(b.lastWriteTime())) {
            FarTimes.write(p, b.lastWriteTime());
        }
        if (attrs != 0) {
            DosAttributes.apply(p, attrs & DosAttributes.SETTABLE, share.dos, share.files.meta);
        }
        share.changed(p, FileNotifyInformation.ACTION_MODIFIED, o.directory,
                NotifyRegistry.ATTRIBUTES | NotifyRegistry.LAST_WRITE);
    }

    private static java.nio.file.attribute.FileTime time(FileTime t) {
        long v = t.value();
        if (v == 0 || v == -1 || v == -2) {
            return null;
        }
        return java.nio.file.attribute.FileTime.from(t.toInstant());
    }

    private void size(Open o, boolean endOfFile, long size) throws Failure {
        refuseOnReadOnlyShare();
        if (o.directory) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        if (!o.has(Access.WRITE_DATA) || o.channel == null) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
        if (size < 0) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        Oplocks.dataChanged(share.files, o);
        try {
            long now = o.channel.size();
            if (size < now) {
                o.channel.truncate(size);
                if (o.stream == null) {
                    share.files.sparse.truncated(o.state.key, size);
                }
            } else if (endOfFile && size > now) {
                o.channel.write(ByteBuffer.allocate(1), size - 1);
            }
        } catch (IOException e) {
            throw new Failure(IoStatus.of(e));
        }
        share.writeTimes.sizeChanged(o);
        if (o.stream != null) {
            StreamOpens.notify(share, o, FileNotifyInformation.ACTION_MODIFIED_STREAM, NotifyRegistry.STREAM_SIZE);
            return;
        }
        share.changed(o.path(), FileNotifyInformation.ACTION_MODIFIED, false, NotifyRegistry.SIZE);
    }

    private void disposition(Open o, boolean delete) throws Failure {
        refuseOnReadOnlyShare();
        if (!o.has(Access.DELETE)) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
        Path p = o.path();
        if (delete) {
            if (p.equals(share.paths.root())) {
                throw new Failure(NtStatus.ACCESS_DENIED);
            }
            FileFacts f = share.facts(p);
            if (f.attributes().contains(FileAttribute.READONLY)) {
                throw new Failure(NtStatus.CANNOT_DELETE);
            }
            if (o.directory) {
                try (var s = Files.newDirectoryStream(p)) {
                    if (s.iterator().hasNext()) {
                        throw new Failure(NtStatus.DIRECTORY_NOT_EMPTY);
                    }
                } catch (IOException e) {
                    throw new Failure(IoStatus.of(e));
                }
            }
        }
        share.files.lock.lock();
        try {
            if (o.stream != null) {
                StreamOpens.disposition(o, delete);
                return;
            }
            o.state.deletePending = delete;
            if (!delete) {
                o.deleteOnClose(false);
            }
        } finally {
            share.files.lock.unlock();
        }
    }

    /**
     * FileLinkInformation ([MS-FSA] 2.1.5.14.6): a new name for the open's file (a hard link); a directory is
     * STATUS_FILE_IS_A_DIRECTORY, an existing name STATUS_OBJECT_NAME_COLLISION unless ReplaceIfExists (then it must
     * not be open).
     */
    private void link(Open o, FileInformation.Rename r) throws Failure {
        refuseOnReadOnlyShare();
        if (o.directory) {
            throw new Failure(NtStatus.FILE_IS_A_DIRECTORY);
        }
        if (r.rootDirectory() != 0 || o.stream != null) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        String target = r.fileName();
        while (target.startsWith("\\")) {
            target = target.substring(1);
        }
        if (target.isEmpty() || target.indexOf(':') >= 0) {
            throw new Failure(NtStatus.OBJECT_NAME_INVALID);
        }
        Path to = share.paths.resolve(target);
        share.files.lock.lock();
        try {
            if (!Files.isDirectory(to.getParent())) {
                throw new Failure(NtStatus.OBJECT_PATH_NOT_FOUND);
            }
            if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                FileState other = share.files.existing(to);
                if (!r.replaceIfExists()) {
                    throw new Failure(NtStatus.OBJECT_NAME_COLLISION);
                }
                if (Files.isDirectory(to) || (other != null && !other.opens.isEmpty())) {
                    throw new Failure(NtStatus.ACCESS_DENIED);
                }
                share.files.streams.forget(to);
                Object gone = share.files.keyOf(to);
                Files.delete(to);
                share.files.deleting(gone);
            }
            Files.createLink(to, o.path());
        } catch (FileAlreadyExistsException e) {
            throw new Failure(NtStatus.OBJECT_NAME_COLLISION);
        } catch (UnsupportedOperationException e) {
            throw new Failure(NtStatus.NOT_SUPPORTED);
        } catch (IOException e) {
            throw new Failure(IoStatus.of(e));
        } finally {
            share.files.lock.unlock();
        }
        share.changed(to, FileNotifyInformation.ACTION_ADDED, false, NotifyRegistry.FILE_NAME);
    }

    /**
     * A rename by a server-internal open of attribute access only (SMB1 TRANS2_SET_PATH_INFORMATION, as Samba's
     * internal open): it needs no DELETE access on the handle.
     */
    void renameInternal(org.smbscope.server.tree.RequestContext ctx, Open o, byte[] buffer) throws Failure {
        FileInformationClass cls = new FileInformationClass(10);
        rename(ctx, o, decode(cls, buffer, FileInformation.Rename.class), true);
    }

    private void rename(org.smbscope.server.tree.RequestContext ctx, Open o, FileInformation.Rename r,
            boolean internal) throws Failure {
        refuseOnReadOnlyShare();
        if (!internal && !o.has(Access.DELETE)) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
        if (r.rootDirectory() != 0) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        String target = r.fileName();
        if (o.stream != null || target.startsWith(":")) {
            new StreamRename(share).rename(o, r);
            return;
        }
        while (target.startsWith("\\")) {
            target = target.substring(1);
        }
        if (target.isEmpty()) {
            throw new Failure(NtStatus.OBJECT_NAME_INVALID);
        }
        Path to = share.paths.resolve(target);
        Path from = o.path();
        if (from.equals(share.paths.root())) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
        List<NotifyRegistry.Change> changes = new ArrayList<>();
        share.files.lock.lock();
        try {
            for (Open x : o.state.opens) {
                if (x.stream != null && !o.directory) {
                    // a file whose stream is open cannot be renamed, as on Windows (a directory can: smbtorture
                    // raw.rename "directory rename" holds a stream of it open across the rename)
                    throw new Failure(NtStatus.ACCESS_DENIED);
                }
            }
            if (to.startsWith(from) && !to.equals(from)) {
                throw new Failure(NtStatus.INVALID_PARAMETER);
            }
            if (!Files.isDirectory(to.getParent())) {
                throw new Failure(NtStatus.OBJECT_PATH_NOT_FOUND);
            }
            // [MS-FSA] 2.1.5.14.11: the new name is added to its directory (FILE_ADD_FILE / FILE_ADD_SUBDIRECTORY)
            if (!to.getParent().equals(from.getParent()) && (FileSecurity.onDirectory(share, to.getParent(), ctx.token())
                    & (o.directory ? Access.APPEND_DATA : Access.WRITE_DATA)) == 0) {
                throw new Failure(NtStatus.ACCESS_DENIED);
            }
            boolean sameFile = false;
            if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    sameFile = Files.isSameFile(from, to);
                } catch (IOException e) {
                    sameFile = false;
                }
                if (!sameFile) {
                    if (!r.replaceIfExists()) {
                        throw new Failure(NtStatus.OBJECT_NAME_COLLISION);
                    }
                    FileState other = share.files.existing(to);
                    if (Files.isDirectory(to) || (other != null && !other.opens.isEmpty())) {
                        throw new Failure(NtStatus.ACCESS_DENIED);
                    }
                    // replacing deletes the file that had the name
                    if ((FileSecurity.maximal(share, to, false, ctx.token()) & Access.DELETE) == 0) {
                        throw new Failure(NtStatus.ACCESS_DENIED);
                    }
                }
            }
            // renaming acts as an open of the parent asking for delete and sharing read and write
            FileState parent = share.files.existing(from.getParent());
            if (parent != null) {
                for (Open x : parent.opens) {
                    if (ShareModes.conflicts(x.granted, x.share, Access.DELETE,
                            ShareModes.SHARE_READ | ShareModes.SHARE_WRITE)) {
                        throw new Failure(NtStatus.SHARING_VIOLATION);
                    }
                }
            }
            if (o.directory) {
                for (Open x : share.files.all()) {
                    if (x != o && x.path().startsWith(from) && !x.path().equals(from)) {
                        throw new Failure(NtStatus.ACCESS_DENIED);
                    }
                }
            }
            try {
                if (sameFile && !from.equals(to)) {
                    // a change of case only: move through a temporary name
                    Path tmp = from.resolveSibling(from.getFileName() + ".~rename~" + o.id);
                    Files.move(from, tmp);
                    Files.move(tmp, to);
                } else if (!from.equals(to)) {
                    if (r.replaceIfExists()) {
                        share.files.streams.forget(to);
                        Object gone = share.files.keyOf(to);
                        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
                        share.files.deleting(gone);
                    } else {
                        Files.move(from, to);
                    }
                }
            } catch (FileAlreadyExistsException e) {
                throw new Failure(NtStatus.OBJECT_NAME_COLLISION);
            } catch (IOException e) {
                throw new Failure(IoStatus.of(e));
            }
            for (Open x : share.files.all()) {
                Path xp = x.path();
                if (xp.equals(from)) {
                    x.moved(to);
                } else if (xp.startsWith(from)) {
                    x.moved(to.resolve(from.relativize(xp).toString()));
                }
            }
            int filter = o.directory ? NotifyRegistry.DIR_NAME : NotifyRegistry.FILE_NAME;
            if (from.getParent().equals(to.getParent())) {
                changes.add(new NotifyRegistry.Change(from, FileNotifyInformation.ACTION_RENAMED_OLD_NAME, filter));
                changes.add(new NotifyRegistry.Change(to, FileNotifyInformation.ACTION_RENAMED_NEW_NAME, filter));
            } else {
                changes.add(new NotifyRegistry.Change(from, FileNotifyInformation.ACTION_REMOVED, filter));
                changes.add(new NotifyRegistry.Change(to, FileNotifyInformation.ACTION_ADDED, filter));
            }
        } finally {
            share.files.lock.unlock();
        }
        share.files.notify.report(changes);
    }
}
