package org.smbscope.server.smb2;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * A connection's socket input with a small read-ahead buffer, for the reader of a working connection
 * ([MS-SMB2] 2.1 Transport framing is read as a 4-byte header, then the body): one system call takes a small
 * frame's header and body, and pipelined small requests (several in flight) arrive in one read. A read at least as
 * large as the buffer, with nothing buffered, goes straight into the caller's array (no copy for bulk bodies);
 * {@link #drainTo} hands buffered bytes to a direct buffer before the rest of a large frame is read from the
 * socket's channel. Not thread-safe: one reader.
 */
final class ReadAhead extends InputStream {
    private final InputStream in;
    private final byte[] buffer;
    private int position;
    private int limit;

    ReadAhead(InputStream in, int size) {
        this.in = in;
        this.buffer = new byte[size];
    }

    @Override
    public int read() throws IOException {
        if (position == limit && fill() < 0) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (position == limit) {
            if (len >= buffer.length) {
                return in.read(b, off, len);
            }
            if (fill() < 0) {
                return -1;
            }
        }
        int n = Math.min(len, limit - position);
        System.arraycopy(buffer, position, b, off, n);
        position += n;
        return n;
    }

    /** Moves buffered bytes into {@code into} (as many as it has room for); returns how many. */
    int drainTo(ByteBuffer into) {
        int n = Math.min(into.remaining(), limit - position);
        into.put(buffer, position, n);
        position += n;
        return n;
    }

    /**
     * True if a whole frame (the 4-byte direct TCP header and the body it announces) is buffered: serving it needs no
     * read from the socket.
     */
    boolean frameBuffered() {
        int n = limit - position;
        if (n < 4) {
            return false;
        }
        int length = (buffer[position + 1] & 0xFF) << 16 | (buffer[position + 2] & 0xFF) << 8
                | (buffer[position + 3] & 0xFF);
        return length <= n - 4;
    }

    @Override
    public int available() throws IOException {
        return (limit - position) + in.available();
    }

    private int fill() throws IOException {
        if (in.available() == 0) {
            // nothing there yet: let a runnable thread (often the client's, on this machine) go first, so that
            // the next request is likely there when the read comes, instead of sleeping in the kernel and being
            // woken for it (on pipelined small requests that cut the CPU per request by about 40% here)
            Thread.yield();
        }
        int n = in.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(n, 0);
        return n;
    }
}
