package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.ByteBuffer;

import org.smbscope.codec.fscc.FileNotifyInformation;
import org.smbscope.codec.smb2.FlushRequest;
import org.smbscope.codec.smb2.FlushResponse;
import org.smbscope.codec.smb2.ReadRequest;
import org.smbscope.codec.smb2.ReadResponse;
import org.smbscope.codec.smb2.WriteRequest;
import org.smbscope.codec.smb2.WriteResponse;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.tree.Arrival;
import org.smbscope.server.tree.RequestContext;

/**
 * READ, WRITE and FLUSH, [MS-SMB2] 3.3.5.12, 3.3.5.13 and 3.3.5.11: positional I/O on the open's channel
 * (one buffer of the asked size per call, never the whole file), the negotiated size limits, granted
 * access and other opens' byte-range locks.
 */
final class DataCommands {
    private static final long APPEND = -1L;
    private final Share share;

    DataCommands(Share share) {
        this.share = share;
    }

    ReadResponse read(RequestContext ctx, ReadRequest r) throws Failure {
        Open o = share.open(r.fileId());
        if (o.directory) {
            throw new Failure(NtStatus.INVALID_DEVICE_REQUEST);
        }
        long length = r.length() & 0xFFFFFFFFL;
        if (length > ctx.maxReadSize()) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        if (!Access.readsData(o.granted) || o.channel == null) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
        long offset = r.offset();
        if (offset < 0) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        if (!o.state.locks.canRead(o, offset, length)) {
            throw new Failure(NtStatus.FILE_LOCK_CONFLICT);
        }
        try {
            long size = o.channel.size();
            long min = r.minimumCount() & 0xFFFFFFFFL;
            int n = (int) Math.max(0, Math.min(length, size - offset));
            if ((n == 0 && length > 0) || n < min) {
                throw new Failure(NtStatus.END_OF_FILE);
            }
            if (n == 0) {
                return new ReadResponse(0, 0, ByteBuffer.allocate(0));
            }
            ByteBuffer into = ctx.readBuffer();
            if (into != null && into.capacity() >= n) {
                // the connection's (direct) buffer: the data goes from the file to the socket with no copy in Java
                ByteBuffer buf = into.duplicate().clear().limit(n);
                while (buf.hasRemaining()) {
                    if (o.channel.read(buf, offset + buf.position()) < 0) {
                        break;
                    }
                }
                int got = buf.position();
                if (got < min || got == 0) {
                    throw new Failure(NtStatus.END_OF_FILE);
                }
                o.position(offset + got);
                return new ReadResponse(0, 0, buf.flip());
            }
            // the data goes straight into the array of the encoded response (ReadResponse.inFrame): the
            // encoder writes header and fixed part in front of it, no copy of the (up to 8 MiB) data
            byte[] frame = new byte[ReadResponse.DATA_OFFSET + n];
            ByteBuffer buf = ByteBuffer.wrap(frame, ReadResponse.DATA_OFFSET, n);
            while (buf.hasRemaining()) {
                if (o.channel.read(buf, offset + buf.position() - ReadResponse.DATA_OFFSET) < 0) {
                    break;
                }
            }
            int got = buf.position() - ReadResponse.DATA_OFFSET;
            if (got < min || got == 0) {
                throw new Failure(NtStatus.END_OF_FILE);
            }
            if (got < n) { // the file shrank meanwhile
                frame = java.util.Arrays.copyOf(frame, ReadResponse.DATA_OFFSET + got);
            }
            o.position(offset + got);
            return ReadResponse.inFrame(frame, 0, 0);
        } catch (IOException e) {
            throw new Failure(IoStatus.of(e));
        }
    }

    WriteResponse write(RequestContext ctx, WriteRequest r) throws Failure {
        Open o = share.open(r.fileId());
        if (o.directory) {
            throw new Failure(NtStatus.INVALID_DEVICE_REQUEST);
        }
        ByteBuffer data = r.data();
        if (data.remaining() > ctx.maxWriteSize()) {
            throw new Failure(NtStatus.INVALID_PARAMETER);
        }
        if (share.readOnly || !Access.writesData(o.granted) || o.channel == null) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
        long offset = r.offset();
        try {
            if (offset == APPEND || ((o.granted & Access.WRITE_DATA) == 0)) {
                offset = o.channel.size();
            } else if (offset < 0) {
                throw new Failure(NtStatus.INVALID_PARAMETER);
            }
            int n = data.remaining();
            if (!o.state.locks.canWrite(o, offset, n)) {
                throw new Failure(NtStatus.FILE_LOCK_CONFLICT);
            }
            Oplocks.dataChanged(share.files, o);
            long at = offset;
            o.state.writing.lock();
            try {
                java.nio.file.attribute.FileTime before = share.writeTimes.before(o);
                writeArriving(o, data, at, ctx.arrival());
                share.writeTimes.written(o, before);
            } finally {
                o.state.writing.unlock();
            }
            if (o.stream == null) {
                share.files.sparse.written(o.state.key, offset, n);
            }
            o.position(offset + n);
            if (o.stream != null) {
                StreamOpens.notify(share, o, FileNotifyInformation.ACTION_MODIFIED_STREAM,
                        NotifyRegistry.STREAM_SIZE | NotifyRegistry.STREAM_WRITE);
            } else {
                share.changed(o.path(), FileNotifyInformation.ACTION_MODIFIED, false,
                        NotifyRegistry.SIZE | NotifyRegistry.LAST_WRITE);
            }
            return new WriteResponse(n, 0);
        } catch (IOException e) {
            throw new Failure(IoStatus.of(e));
        }
    }

    /** A part of WRITE data that is written to the file as soon as it has arrived (see {@link #writeArriving}). */
    static final int ARRIVING_PART = 1 << 20;

    /**
     * Writes {@code data} at {@code at}; with an {@link Arrival} (data still arriving from the network), part by part
     * as it arrives, so the file write overlaps the receive and the response can leave right after the last part.
     */
    private static void writeArriving(Open o, ByteBuffer data, long at, Arrival arrival) throws IOException {
        int start = data.position();
        int n = data.remaining();
        int done = 0;
        while (done < n) {
            int ready = arrival == null ? n : Math.min(n, done + ARRIVING_PART); // whole parts: pages written once
            if (arrival != null) {
                arrival.await(ready);
            }
            ByteBuffer part = data.slice(start + done, ready - done);
            while (part.hasRemaining()) {
                at += o.channel.write(part, at);
            }
            done = ready;
        }
        data.position(start + n);
    }

    FlushResponse flush(FlushRequest r) throws Failure {
        Open o = share.open(r.fileId());
        if (!Access.writesData(o.granted)) {
            throw new Failure(NtStatus.ACCESS_DENIED);
        }
        if (o.channel != null) {
            share.writeTimes.flush(o);
            try {
                o.channel.force(false);
            } catch (IOException e) {
                throw new Failure(IoStatus.of(e));
            }
        }
        return new FlushResponse();
    }
}
