package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.smbscope.codec.fscc.FileNotifyInformation;
import org.smbscope.codec.smb2.CtlCode;
import org.smbscope.codec.smb2.IoctlRequest;
import org.smbscope.codec.smb2.IoctlResponse;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.codec.wire.WireWriter;
import org.smbscope.server.tree.Outcome;

/**
 * Server-side copy, [MS-SMB2] 3.3.5.15.6: FSCTL_SRV_REQUEST_RESUME_KEY names a source open (2.2.32.3),
 * FSCTL_SRV_COPYCHUNK / _WRITE copy chunks of it into the target open without the data crossing the
 * network (2.2.31.1 SRV_COPYCHUNK_COPY, 2.2.32.1 SRV_COPYCHUNK_RESPONSE), within the limits a request
 * beyond them is told (256 chunks, 1 MiB a chunk, 16 MiB a request).
 */
final class ServerSideCopy {
    static final int MAX_CHUNKS = 256;
    static final int MAX_CHUNK = 1 << 20;
    static final int MAX_TOTAL = 16 << 20;
    private static final byte[] KEY_TAG = {'s', 'm', 'b', 's', 'c', 'o', 'p', 'e'};

    /** STATUS_INVALID_VIEW_SIZE: a chunk reaches past the end of the source. */
    static final NtStatus INVALID_VIEW_SIZE = new NtStatus(0xC000001F);

    private final Share share;

    ServerSideCopy(Share share) {
        this.share = share;
    }

    /** The 24-byte resume key of {@code o}: its id twice and a tag. */
    static byte[] key(Open o) {
        return ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putLong(o.id).putLong(~o.id).put(KEY_TAG).array();
    }

    IoctlResponse resumeKey(IoctlRequest r, Open o) throws Failure {
        if (r.maxOutputResponse() < 32) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        WireWriter w = new WireWriter();
        w.bytes(key(o)).u32le(0).u32le(0);
        return new IoctlResponse(r.ctlCode(), o.fileId(), new byte[0], w.toByteArray(), 0);
    }

    Outcome.Done copy(IoctlRequest r, Open target) throws Failure {
        boolean copyChunk = r.ctlCode().equals(CtlCode.FSCTL_SRV_COPYCHUNK);
        byte[] in = r.input();
        if (r.maxOutputResponse() < 12) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        if (target.directory || target.channel == null || !Access.writesData(target.granted)
                || (copyChunk && !target.has(Access.READ_DATA))) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
        if (in.length < 32) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        ByteBuffer b = ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN);
        long id = b.getLong(0);
        long check = b.getLong(8);
        int count = b.getInt(24);
        if (count < 0 || count > MAX_CHUNKS || in.length < 32L + 24L * count) {
            return limits();
        }
        long total = 0;
        for (int i = 0; i < count; i++) {
            long len = b.getInt(32 + 24 * i + 16) & 0xFFFFFFFFL;
            if (len == 0 || len > MAX_CHUNK) {
                return limits();
            }
            total += len;
        }
        if (total > MAX_TOTAL) {
            return limits();
        }
        Open source = null;
        if (check == ~id && java.util.Arrays.equals(java.util.Arrays.copyOfRange(in, 16, 24), KEY_TAG)) {
            for (Open o : share.files.all()) {
                if (o.id == id) {
                    source = o;
                }
            }
        }
        if (source == null) {
            throw new Failure(NtStatus.OBJECT_NAME_NOT_FOUND);
        }
        if (source.directory || source.channel == null || !Access.readsData(source.granted)) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
        int written = 0;
        long bytes = 0;
        NtStatus failed = null;
        // like a WRITE, under the target's write lock: the data and the write-time bookkeeping of one write at a time
        target.state.writing.lock();
        java.nio.file.attribute.FileTime before = null;
        try {
            before = share.writeTimes.before(target);
            for (int i = 0; i < count; i++) {
                long from = b.getLong(32 + 24 * i);
                long to = b.getLong(32 + 24 * i + 8);
                int len = b.getInt(32 + 24 * i + 16);
                if (from < 0 || to < 0) {
                    failed = NtStatus.INVALID_PARAMETER;
                    break;
                }
                if (!source.state.locks.canRead(source, from, len) || !target.state.locks.canWrite(target, to, len)) {
                    failed = NtStatus.FILE_LOCK_CONFLICT;
                    break;
                }
                if (from + len > source.channel.size()) {
                    // the chunk reaches past the source's end
                    failed = INVALID_VIEW_SIZE;
                    break;
                }
                ByteBuffer buf = ByteBuffer.allocate(len);
                while (buf.hasRemaining()) {
                    if (source.channel.read(buf, from + buf.position()) < 0) {
                        break;
                    }
                }
                buf.flip();
                long at = to;
                while (buf.hasRemaining()) {
                    at += target.channel.write(buf, at);
                }
                share.files.sparse.written(target.state.key, to, len);
                written++;
                bytes += len;
            }
        } catch (IOException e) {
            failed = IoStatus.of(e);
        } finally {
            if (written > 0) {
                share.writeTimes.written(target, before);
            }
            target.state.writing.unlock();
        }
        if (written > 0) {
            share.changed(target.path(), FileNotifyInformation.ACTION_MODIFIED, false,
                    NotifyRegistry.SIZE | NotifyRegistry.LAST_WRITE);
        }
        WireWriter w = new WireWriter();
        w.u32le(written).u32le(0).u32le(bytes);
        return new Outcome.Done(failed != null ? failed : NtStatus.SUCCESS,
                new IoctlResponse(r.ctlCode(), target.fileId(), new byte[0], w.toByteArray(), 0));
    }

    /** A request beyond the limits: STATUS_INVALID_PARAMETER carrying the limits themselves. */
    private static Outcome.Done limits() {
        WireWriter w = new WireWriter();
        w.u32le(MAX_CHUNKS).u32le(MAX_CHUNK).u32le(MAX_TOTAL);
        return new Outcome.Done(NtStatus.INVALID_PARAMETER,
                new IoctlResponse(CtlCode.FSCTL_SRV_COPYCHUNK, org.smbscope.codec.smb2.FileId.ZERO, new byte[0],
                        w.toByteArray(), 0));
    }

    static Outcome.Done error(NtStatus s) {
        return Outcome.Done.error(s, Smb2Command.IOCTL);
    }
}
