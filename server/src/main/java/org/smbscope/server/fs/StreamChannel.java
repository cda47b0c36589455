package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;

/**
 * The data of one open of a named stream as a {@link FileChannel}, so READ, WRITE, end of file and server-side
 * copy work on a stream open as on a file. Every call reads the stream from the {@link StreamStore} and a
 * change writes all of it back (streams are small: they fit in one extended attribute). The file and
 * stream it names are the owning open's current ones ({@link Open#path()}, {@link Open#stream}), so renames
 * of the file or the stream follow; a stream renamed onto the file's own data ({@code ::$DATA}) leaves the
 * channel on the file's data, within the same 64 KiB. Memory mapping and file locks are not offered.
 */
final class StreamChannel extends FileChannel {
    private final StreamStore store;
    private volatile Open owner;
    private long position;

    StreamChannel(StreamStore store) {
        this.store = store;
    }

    /** Binds the channel to its open (once, right after the open is made). */
    void owner(Open o) {
        this.owner = o;
    }

    private byte[] load() throws IOException {
        ensureOpen();
        Open o = owner;
        String s = o.stream;
        if (s == null) {
            // renamed onto the file's own data (StreamRename): the data is the file's now
            return java.nio.file.Files.readAllBytes(o.path());
        }
        return store.read(o.path(), s);
    }

    private void save(byte[] data) throws IOException {
        Open o = owner;
        String s = o.stream;
        if (s == null) {
            java.nio.file.Files.write(o.path(), data);
            return;
        }
        store.write(o.path(), s, data);
    }

    private void ensureOpen() throws IOException {
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
    }

    @Override
    public int read(ByteBuffer dst, long at) throws IOException {
        if (at < 0) {
            throw new IllegalArgumentException("negative position");
        }
        synchronized (store) {
            byte[] d = load();
            if (at >= d.length) {
                return -1;
            }
            int n = (int) Math.min(dst.remaining(), d.length - at);
            dst.put(d, (int) at, n);
            return n;
        }
    }

    @Override
    public int write(ByteBuffer src, long at) throws IOException {
        if (at < 0) {
            throw new IllegalArgumentException("negative position");
        }
        synchronized (store) {
            byte[] d = load();
            int n = src.remaining();
            long end = at + n;
            if (end > StreamStore.MAX_SIZE) {
                throw new java.nio.file.FileSystemException(owner.path() + ":" + owner.stream, null,
                        "No space left on device (stream does not fit)");
            }
            byte[] out = end > d.length ? Arrays.copyOf(d, (int) end) : d.clone();
            src.get(out, (int) at, n);
            save(out);
            return n;
        }
    }

    @Override
    public synchronized int read(ByteBuffer dst) throws IOException {
        int n = read(dst, position);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public synchronized long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            int n = read(dsts[i]);
            if (n < 0) {
                return total == 0 ? -1 : total;
            }
            total += n;
        }
        return total;
    }

    @Override
    public synchronized int write(ByteBuffer src) throws IOException {
        int n = write(src, position);
        position += n;
        return n;
    }

    @Override
    public synchronized long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long total = 0;
        for (int i = offset; i < offset + length; i++) {
            total += write(srcs[i]);
        }
        return total;
    }

    @Override
    public synchronized long position() throws IOException {
        ensureOpen();
        return position;
    }

    @Override
    public synchronized FileChannel position(long p) throws IOException {
        ensureOpen();
        if (p < 0) {
            throw new IllegalArgumentException("negative position");
        }
        position = p;
        return this;
    }

    @Override
    public long size() throws IOException {
        synchronized (store) {
            return load().length;
        }
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        if (size < 0) {
            throw new IllegalArgumentException("negative size");
        }
        synchronized (store) {
            byte[] d = load();
            if (size < d.length) {
                save(Arrays.copyOf(d, (int) size));
            }
        }
        synchronized (this) {
            position = Math.min(position, size);
        }
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        ensureOpen();
    }

    @Override
    public long transferTo(long at, long count, WritableByteChannel target) throws IOException {
        ByteBuffer b;
        synchronized (store) {
            byte[] d = load();
            if (at >= d.length) {
                return 0;
            }
            b = ByteBuffer.wrap(d, (int) at, (int) Math.min(count, d.length - at));
        }
        int n = b.remaining();
        while (b.hasRemaining()) {
            target.write(b);
        }
        return n;
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long at, long count) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(count, StreamStore.MAX_SIZE));
        while (b.hasRemaining() && src.read(b) > 0) {
            // fill
        }
        b.flip();
        return write(b, at);
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long at, long size) {
        throw new UnsupportedOperationException("streams are not mapped");
    }

    @Override
    public FileLock lock(long at, long size, boolean shared) {
        throw new UnsupportedOperationException("byte-range locks are kept by ByteRangeLocks");
    }

    @Override
    public FileLock tryLock(long at, long size, boolean shared) {
        throw new UnsupportedOperationException("byte-range locks are kept by ByteRangeLocks");
    }

    @Override
    protected void implCloseChannel() {
        // nothing held
    }
}
