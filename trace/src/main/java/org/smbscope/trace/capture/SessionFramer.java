package org.smbscope.trace.capture;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits one direction of a reassembled SMB stream into messages: a 4-byte header with a type
 * byte and a length (NetBIOS session service, RFC 1002 4.3.1: type, flags bit 0 extends the
 * length to 17 bits; direct TCP, [MS-SMB2] 2.1: zero byte and a 24-bit length). The header is
 * kept with each frame so a decoder can tell session requests and keepalives from messages.
 */
public final class SessionFramer {
    /** What a frame's buffer starts with at most before its data arrives: one 1 MiB READ fits. */
    private static final int FIRST_ALLOCATION = (1 << 20) + 128;
    private final int maxFrame;
    /** Passes over file data nobody reads; null: every byte is kept. */
    private final FileDataSkipper skipper;
    private final byte[] header = new byte[4];
    private int headerFill;
    private boolean inFrame;
    /** The payload of the frame being filled; grows with the data, up to its length. */
    private byte[] body;
    /** The first bytes of a frame that may be skipped, before the skipper decided (null without a skipper). */
    private byte[] probe;
    /** 0: keeping the frame's bytes in {@code body}; 1: filling {@code probe}; 2: skipping file data. */
    private int mode;
    private int bodyLength;
    private int bodyFill;
    private int type;
    private long offset;

    public SessionFramer(int maxFrame) {
        this(maxFrame, null);
    }

    /**
     * A framer that passes over the file data of large SMB2 READ responses and WRITE requests as
     * {@code skipper} says (the frames it delivers then hold zeros for that data, in arrays the
     * skipper lends); {@code null} keeps every byte.
     */
    public SessionFramer(int maxFrame, FileDataSkipper skipper) {
        this.maxFrame = maxFrame;
        this.skipper = skipper;
        // the probe is allocated with the first frame that may be skipped
    }

    /** A complete frame: the 4-byte header's type and the payload after it. */
    public record Frame(int type, byte[] payload) {
    }

    /**
     * Appends stream bytes and returns the frames they complete. Each byte is copied once, into
     * its frame's payload; a frame's buffer starts at up to 1 MiB and then grows with the bytes that
     * arrive (never to a length only announced), so a header claiming a large frame costs little
     * until its data comes.
     */
    public List<Frame> accept(byte[] data) throws CaptureDecodeException {
        return accept(data, 0, data.length);
    }

    /** {@link #accept(byte[])} for the stream bytes {@code data[from, from+length)}. */
    public List<Frame> accept(byte[] data, int from, int length) throws CaptureDecodeException {
        java.util.Objects.checkFromIndexSize(from, length, data.length);
        List<Frame> out = new ArrayList<>(2);
        int end = from + length;
        int pos = from;
        while (pos < end) {
            if (!inFrame) {
                int n = Math.min(4 - headerFill, end - pos);
                System.arraycopy(data, pos, header, headerFill, n);
                headerFill += n;
                pos += n;
                if (headerFill < 4) {
                    break;
                }
                type = header[0] & 0xFF;
                int len = ((header[1] & 0xFF) << 16) | ((header[2] & 0xFF) << 8) | (header[3] & 0xFF);
                if (type != 0) {
                    len &= 0x1FFFF; // NBSS control packets: 17-bit length
                }
                if (len > maxFrame) {
                    int at = (int) Math.min(Integer.MAX_VALUE, offset + (pos - from) - 4);
                    throw new CaptureDecodeException("session length", at,
                            "frame length " + len + " over the limit " + maxFrame);
                }
                inFrame = true;
                bodyLength = len;
                bodyFill = 0;
                if (skipper != null && type == 0 && len > skipper.probeLength()) {
                    mode = 1;
                    if (probe == null) {
                        probe = new byte[skipper.probeLength()];
                    }
                } else {
                    mode = 0;
                    body = new byte[Math.min(len, Math.max(end - pos, FIRST_ALLOCATION))];
                }
            }
            int n = Math.min(bodyLength - bodyFill, end - pos);
            if (mode == 1) {
                n = Math.min(n, probe.length - bodyFill);
                System.arraycopy(data, pos, probe, bodyFill, n);
                bodyFill += n;
                pos += n;
                if (bodyFill == probe.length) {
                    if (skipper.skippable(probe, bodyLength)) {
                        mode = 2;
                    } else {
                        mode = 0;
                        body = new byte[Math.min(bodyLength, Math.max(bodyFill + end - pos, FIRST_ALLOCATION))];
                        System.arraycopy(probe, 0, body, 0, bodyFill);
                    }
                }
                continue;
            }
            if (mode == 2) { // file data: counted, not copied
                bodyFill += n;
                pos += n;
                if (bodyFill == bodyLength) {
                    byte[] frame = skipper.take(bodyLength);
                    System.arraycopy(probe, 0, frame, 0, probe.length);
                    out.add(new Frame(type, frame));
                    inFrame = false;
                    headerFill = 0;
                }
                continue;
            }
            if (bodyFill + n > body.length) {
                body = Arrays.copyOf(body, (int) Math.min(bodyLength, Math.max(2L * body.length, bodyFill + n)));
            }
            System.arraycopy(data, pos, body, bodyFill, n);
            bodyFill += n;
            pos += n;
            if (bodyFill == bodyLength) {
                out.add(new Frame(type, body));
                body = null;
                inFrame = false;
                headerFill = 0;
            }
        }
        offset += length;
        return out;
    }

    /** How many of the next stream bytes will be passed over uncopied and unread (file data being skipped). */
    public int skipping() {
        return inFrame && mode == 2 ? bodyLength - bodyFill : 0;
    }

    /**
     * Moves past {@code n} stream bytes of file data being skipped without seeing them; {@code n} is less than
     * {@link #skipping()} (the bytes that end the frame go through {@link #accept}).
     */
    public void passOver(int n) {
        if (n < 0 || n >= skipping()) {
            throw new IllegalArgumentException("passOver(" + n + ") with " + skipping() + " bytes being skipped");
        }
        bodyFill += n;
        offset += n;
    }

    /** Bytes waiting for the rest of their frame. */
    public int buffered() {
        return inFrame ? 4 + bodyFill : headerFill;
    }
}
