package org.smbscope.trace.capture;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * pcapng (draft-ietf-opsawg-pcapng): section header, interface description (link type and
 * if_tsresol), enhanced and simple packet blocks; other blocks are skipped. Each section may have
 * its own byte order.
 */
final class PcapngReader implements CaptureReader {
    private static final long SHB = 0x0A0D0D0AL;
    private static final long IDB = 1;
    private static final long SPB = 3;
    private static final long EPB = 6;
    private static final long BYTE_ORDER_MAGIC = 0x1A2B3C4DL;

    /** An interface: link type and timestamp units per second. */
    private record Iface(int linkType, long unitsPerSecond) {
    }

    private final StreamInput in;
    private final List<Iface> ifaces = new ArrayList<>();
    private boolean big;
    private long number;

    PcapngReader(InputStream stream) {
        in = new StreamInput(stream);
    }

    @Override
    public CapturedPacket next() throws IOException, CaptureDecodeException {
        while (true) {
            int blockStart = in.fileOffset();
            byte[] head = in.readOrEnd("block header", 8);
            if (head == null) {
                return null;
            }
            long type = StreamInput.u32(head, 0, big);
            if (StreamInput.u32(head, 0, false) == SHB) {
                type = SHB;
            }
            byte[] body;
            if (type == SHB) {
                byte[] bom = in.read("byte-order magic", 4);
                if (StreamInput.u32(bom, 0, false) == BYTE_ORDER_MAGIC) {
                    big = false;
                } else if (StreamInput.u32(bom, 0, true) == BYTE_ORDER_MAGIC) {
                    big = true;
                } else {
                    throw new CaptureDecodeException("byte-order magic", blockStart + 8, "bad pcapng byte-order magic");
                }
                long total = StreamInput.u32(head, 4, big);
                checkLength(total, 28, blockStart);
                in.read("section header", (int) total - 12);
                ifaces.clear();
                continue;
            }
            long total = StreamInput.u32(head, 4, big);
            checkLength(total, 12, blockStart);
            body = in.read("block body", (int) total - 8); // includes trailing length
            int bodyLen = body.length - 4;
            if (StreamInput.u32(body, bodyLen, big) != total) {
                throw new CaptureDecodeException("block total length", blockStart, "leading and trailing block lengths differ");
            }
            if (type == IDB) {
                ifaces.add(readInterface(body, bodyLen, blockStart));
            } else if (type == EPB) {
                return enhanced(body, bodyLen, blockStart);
            } else if (type == SPB) {
                return simple(body, bodyLen, blockStart);
            }
        }
    }

    private void checkLength(long total, int min, int at) throws CaptureDecodeException {
        if (total < min || total > MAX_RECORD || (total & 3) != 0) {
            throw new CaptureDecodeException("block total length", at, "bad block length " + total);
        }
    }

    private Iface readInterface(byte[] b, int len, int at) throws CaptureDecodeException {
        if (len < 8) {
            throw new CaptureDecodeException("interface description", at, "block too short");
        }
        int linkType = StreamInput.u16(b, 0, big);
        long units = 1_000_000L;
        int p = 8;
        while (p + 4 <= len) {
            int code = StreamInput.u16(b, p, big);
            int olen = StreamInput.u16(b, p + 2, big);
            p += 4;
            if (code == 0 || p + olen > len) {
                break;
            }
            if (code == 9 && olen >= 1) { // if_tsresol
                int r = b[p] & 0xFF;
                int exp = r & 0x7F;
                if (exp <= 18) {
                    units = (r & 0x80) != 0 ? (exp < 63 ? 1L << exp : units) : pow10(exp);
                }
            }
            p += (olen + 3) & ~3;
        }
        return new Iface(linkType, units);
    }

    private static long pow10(int e) {
        long v = 1;
        for (int i = 0; i < e; i++) {
            v *= 10;
        }
        return v;
    }

    private CapturedPacket enhanced(byte[] b, int len, int at) throws CaptureDecodeException {
        if (len < 20) {
            throw new CaptureDecodeException("enhanced packet block", at, "block too short");
        }
        long ifId = StreamInput.u32(b, 0, big);
        if (ifId >= ifaces.size()) {
            throw new CaptureDecodeException("interface id", at + 8, "packet names interface " + ifId + " of " + ifaces.size());
        }
        Iface iface = ifaces.get((int) ifId);
        long ts = (StreamInput.u32(b, 4, big) << 32) | StreamInput.u32(b, 8, big);
        long captured = StreamInput.u32(b, 12, big);
        long orig = StreamInput.u32(b, 16, big);
        if (captured > len - 20) {
            throw new CaptureDecodeException("captured length", at + 20, "captured length " + captured + " past the block");
        }
        byte[] data = java.util.Arrays.copyOfRange(b, 20, 20 + (int) captured);
        return new CapturedPacket(++number, time(ts, iface.unitsPerSecond()), iface.linkType(), data, orig);
    }

    private CapturedPacket simple(byte[] b, int len, int at) throws CaptureDecodeException {
        if (ifaces.isEmpty() || len < 4) {
            throw new CaptureDecodeException("simple packet block", at, "no interface or block too short");
        }
        long orig = StreamInput.u32(b, 0, big);
        int captured = (int) Math.min(orig, len - 4);
        byte[] data = java.util.Arrays.copyOfRange(b, 4, 4 + captured);
        return new CapturedPacket(++number, Instant.EPOCH, ifaces.get(0).linkType(), data, orig);
    }

    private static Instant time(long ts, long unitsPerSecond) {
        long sec = Long.divideUnsigned(ts, unitsPerSecond);
        long rem = Long.remainderUnsigned(ts, unitsPerSecond);
        long nanos = unitsPerSecond >= 1_000_000_000L ? rem / (unitsPerSecond / 1_000_000_000L)
                : rem * (1_000_000_000L / unitsPerSecond);
        return Instant.ofEpochSecond(sec, nanos);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
