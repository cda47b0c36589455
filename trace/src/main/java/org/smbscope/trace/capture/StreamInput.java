package org.smbscope.trace.capture;

import java.io.IOException;
import java.io.InputStream;

/** Exact reads from a capture stream with the running file offset, for error messages. */
final class StreamInput {
    /** Records up to this size are read into an array allocated up front (a loopback frame is 64 KiB). */
    private static final int DIRECT = 256 * 1024;
    private final InputStream in;
    private long offset;

    StreamInput(InputStream in) {
        this.in = in;
    }

    long offset() {
        return offset;
    }

    /** Reads exactly n bytes; returns null at a clean end of file (no byte read), throws on a torn record. */
    byte[] readOrEnd(String field, int n) throws IOException, CaptureDecodeException {
        byte[] b;
        if (n <= DIRECT) { // one copy, straight into the record's array
            b = new byte[n];
            int got = in.readNBytes(b, 0, n);
            if (got < n) {
                b = java.util.Arrays.copyOf(b, got);
            }
        } else { // a large declared length: read in pieces, so a short file cannot make us allocate it
            b = in.readNBytes(n);
        }
        if (b.length == 0 && n > 0) {
            return null;
        }
        if (b.length < n) {
            throw new CaptureDecodeException(field, (int) Math.min(offset, Integer.MAX_VALUE),
                    "capture ends inside a record: needs " + n + " bytes, " + b.length + " left");
        }
        offset += n;
        return b;
    }

    byte[] read(String field, int n) throws IOException, CaptureDecodeException {
        byte[] b = readOrEnd(field, n);
        if (b == null) {
            throw new CaptureDecodeException(field, (int) Math.min(offset, Integer.MAX_VALUE), "capture ends early");
        }
        return b;
    }

    int fileOffset() {
        return (int) Math.min(offset, Integer.MAX_VALUE);
    }

    void close() throws IOException {
        in.close();
    }

    static long u32(byte[] b, int off, boolean big) {
        return big
                ? ((long) (b[off] & 0xFF) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF)
                : ((long) (b[off + 3] & 0xFF) << 24) | ((b[off + 2] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8) | (b[off] & 0xFF);
    }

    static int u16(byte[] b, int off, boolean big) {
        return big ? ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF) : ((b[off + 1] & 0xFF) << 8) | (b[off] & 0xFF);
    }
}
