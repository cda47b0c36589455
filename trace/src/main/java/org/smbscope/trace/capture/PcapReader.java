package org.smbscope.trace.capture;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

/** Classic libpcap files: microsecond and nanosecond magics, either byte order. */
final class PcapReader implements CaptureReader {
    private final StreamInput in;
    private final boolean big;
    private final boolean nanos;
    private final int linkType;
    private long number;

    PcapReader(InputStream stream) throws IOException, CaptureDecodeException {
        in = new StreamInput(stream);
        byte[] h = in.read("pcap global header", 24);
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
        byte[] rh = in.readOrEnd("record header", 16);
        if (rh == null) {
            return null;
        }
        long sec = StreamInput.u32(rh, 0, big);
        long frac = StreamInput.u32(rh, 4, big);
        long incl = StreamInput.u32(rh, 8, big);
        long orig = StreamInput.u32(rh, 12, big);
        if (incl > MAX_RECORD) {
            throw new CaptureDecodeException("incl_len", in.fileOffset() - 8, "record length " + incl + " over the limit");
        }
        byte[] data = in.read("packet data", (int) incl);
        Instant t = Instant.ofEpochSecond(sec, nanos ? frac : frac * 1000);
        return new CapturedPacket(++number, t, linkType, data, orig);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
