package org.smbscope.trace.capture;

import java.io.IOException;
import java.io.InputStream;

/** Exact reads from a capture stream with the running file offset, for error messages. */
final class StreamInput {
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
        byte[] b = in.readNBytes(n);
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
