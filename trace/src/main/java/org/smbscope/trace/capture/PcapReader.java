package org.smbscope.trace.capture;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/**
 * Classic libpcap files: microsecond and nanosecond magics, either byte order. Reads a stream, or a
 * file mapped into memory ({@link MappedInput}), where {@link #nextView()} copies each record once
 * into an array it reuses.
 */
final class PcapReader implements CaptureReader {
    private final StreamInput in;
    private final MappedInput mapped;
    private final boolean big;
    private final boolean nanos;
    private final int linkType;
    private final byte[] recordHeader = new byte[16];
    /** The array {@link #nextView()} reads records into; grows to the largest record seen. */
    private byte[] view = new byte[0];
    private long number;

    PcapReader(InputStream stream) throws IOException, CaptureDecodeException {
        this(new StreamInput(stream), null);
    }

    PcapReader(MappedInput mapped) throws IOException, CaptureDecodeException {
        this(null, mapped);
    }

    private PcapReader(StreamInput in, MappedInput mapped) throws IOException, CaptureDecodeException {
        this.in = in;
        this.mapped = mapped;
        byte[] h;
        if (in != null) {
            h = in.read("pcap global header", 24);
        } else {
            h = new byte[24];
            mapped.read("pcap global header", h, 24);
        }
        long magicLe = StreamInput.u32(h, 0, false);
        if (magicLe == 0xA1B2C3D4L || magicLe == 0xA1B23C4DL) {
            big = false;
        } else if (StreamInput.u32(h, 0, true) == 0xA1B2C3D4L || StreamInput.u32(h, 0, true) == 0xA1B23C4DL) {
            big = true;
        } else {
            throw new CaptureDecodeException("magic", 0, "not a pcap or pcapng file (magic 0x"
                    + Long.toHexString(StreamInput.u32(h, 0, true)) + ")");
        }
        nanos = StreamInput.u32(h, 0, big) == 0xA1B23C4DL;
        linkType = (int) (StreamInput.u32(h, 20, big) & 0x0FFFFFFF);
    }

    @Override
    public CapturedPacket next() throws IOException, CaptureDecodeException {
        return next(false, Integer.MAX_VALUE);
    }

    @Override
    public CapturedPacket nextView() throws IOException, CaptureDecodeException {
        return next(mapped != null, Integer.MAX_VALUE);
    }

    @Override
    public CapturedPacket nextHead(int head) throws IOException, CaptureDecodeException {
        return next(mapped != null, head);
    }

    @Override
    public void completeView() throws IOException {
        if (restLength > 0) {
            mapped.copy(restFrom, view, restAt, restLength);
            restLength = 0;
        }
    }

    /** The part of the last record {@link #nextHead} did not copy yet: file offset, offset in {@link #view}, length. */
    private long restFrom;
    private int restAt;
    private int restLength;

    private CapturedPacket next(boolean reuse, int head) throws IOException, CaptureDecodeException {
        restLength = 0;
        byte[] rh;
        if (in != null) {
            rh = in.readOrEnd("record header", 16);
            if (rh == null) {
                return null;
            }
        } else if (mapped.readOrEnd("record header", recordHeader, 16)) {
            rh = recordHeader;
        } else {
            return null;
        }
        long sec = StreamInput.u32(rh, 0, big);
        long frac = StreamInput.u32(rh, 4, big);
        long incl = StreamInput.u32(rh, 8, big);
        long orig = StreamInput.u32(rh, 12, big);
        if (incl > MAX_RECORD) {
            throw new CaptureDecodeException("incl_len", fileOffset() - 8, "record length " + incl + " over the limit");
        }
        int n = (int) incl;
        byte[] data;
        if (in != null) {
            data = in.read("packet data", n);
        } else {
            if (n > mapped.remaining()) { // never allocate for a length the file does not hold
                mapped.read("packet data", recordHeader, n);
            }
            if (!reuse) {
                data = new byte[n];
                mapped.read("packet data", data, n);
            } else {
                if (view.length < n) {
                    view = new byte[Math.max(n, Math.min(MAX_RECORD, 2 * view.length))];
                }
                data = view;
                long start = mapped.offset();
                mapped.skip(n);
                int now = Math.min(n, head);
                mapped.copy(start, data, 0, now);
                restFrom = start + now;
                restAt = now;
                restLength = n - now;
            }
        }
        Instant t = Instant.ofEpochSecond(sec, nanos ? frac : frac * 1000);
        return new CapturedPacket(++number, t, linkType, data, 0, n, orig);
    }

    private int fileOffset() {
        return in != null ? in.fileOffset() : mapped.fileOffset();
    }

    @Override
    public void close() throws IOException {
        if (in != null) {
            in.close();
        } else {
            mapped.close();
        }
    }
}
