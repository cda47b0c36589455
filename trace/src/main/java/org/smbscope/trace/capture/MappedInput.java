package org.smbscope.trace.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Exact reads from a capture file. Small reads (record headers, the first bytes of a frame) come from
 * one positional read of {@link #AHEAD} bytes, so passing over a record costs one system call and no
 * page touched in the rest of it; larger ones are copied from the file mapped into memory in windows
 * of up to {@link #WINDOW} bytes, once, from the page cache straight into the caller's array (a
 * stream read copies twice: into a native buffer, then into the array). The running file offset is
 * kept for error messages.
 */
final class MappedInput {
    /** Bytes mapped at once; a read that crosses a window's end starts the next window. */
    static final long WINDOW = 256L * 1024 * 1024;
    /** Bytes read at once for small reads: a record header and the link, IP and TCP headers after it. */
    static final int AHEAD = 512;
    private final FileChannel channel;
    private final long size;
    private MappedByteBuffer window;
    private boolean mappable;
    private long windowStart;
    private final ByteBuffer ahead = ByteBuffer.allocateDirect(AHEAD);
    private long aheadStart;
    private int aheadLength;
    private long offset;

    MappedInput(FileChannel channel) throws IOException {
        this(channel, true);
    }

    /** @param map false: positional reads only (what a file system that cannot map gets) */
    MappedInput(FileChannel channel, boolean map) throws IOException {
        this.channel = channel;
        this.size = channel.size();
        this.mappable = map;
    }

    long offset() {
        return offset;
    }

    int fileOffset() {
        return (int) Math.min(offset, Integer.MAX_VALUE);
    }

    /** Bytes left in the file. */
    long remaining() {
        return size - offset;
    }

    /**
     * Copies the next n bytes into {@code into[0, n)}; returns false at a clean end of file (no byte
     * left), throws on a torn record. The caller checked that {@code into} holds n bytes.
     */
    boolean readOrEnd(String field, byte[] into, int n) throws IOException, CaptureDecodeException {
        if (n > 0 && offset == size) {
            return false;
        }
        if (n > size - offset) {
            throw new CaptureDecodeException(field, fileOffset(),
                    "capture ends inside a record: needs " + n + " bytes, " + (size - offset) + " left");
        }
        copy(offset, into, 0, n);
        offset += n;
        return true;
    }

    void read(String field, byte[] into, int n) throws IOException, CaptureDecodeException {
        if (!readOrEnd(field, into, n)) {
            throw new CaptureDecodeException(field, fileOffset(), "capture ends early");
        }
    }

    /** Passes over the next n bytes (the caller checked that the file holds them); {@link #copy} reads them later. */
    void skip(int n) {
        offset += n;
    }

    /** Copies the file's bytes {@code [from, from+n)} (inside the file) into {@code into[at, at+n)}. */
    void copy(long from, byte[] into, int at, int n) throws IOException {
        if (n <= AHEAD) {
            if (from < aheadStart || from + n > aheadStart + aheadLength) {
                ahead.clear().limit((int) Math.min(AHEAD, size - from));
                while (ahead.hasRemaining() && channel.read(ahead, from + ahead.position()) > 0) {
                    // a positional read may return fewer bytes than asked
                }
                aheadStart = from;
                aheadLength = ahead.position();
            }
            if (from + n <= aheadStart + aheadLength) {
                ahead.get((int) (from - aheadStart), into, at, n);
                return;
            }
        }
        if (!mappable) {
            readAt(from, into, at, n);
            return;
        }
        if (window == null || from < windowStart || from + n > windowStart + window.capacity()) {
            try {
                window = channel.map(FileChannel.MapMode.READ_ONLY, from, Math.min(Math.max(WINDOW, n), size - from));
                windowStart = from;
            } catch (IOException | UnsupportedOperationException e) { // a file system that cannot map: read instead
                mappable = false;
                window = null;
                readAt(from, into, at, n);
                return;
            }
        }
        window.get((int) (from - windowStart), into, at, n);
    }

    /** Positional reads straight into the array, for files that cannot be mapped. */
    private void readAt(long from, byte[] into, int at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(into, at, n);
        while (b.hasRemaining()) {
            if (channel.read(b, from + b.position() - at) < 0) {
                throw new IOException("file shorter than when opened");
            }
        }
    }

    void close() throws IOException {
        window = null;
        channel.close();
    }
}
