package org.smbscope.trace.event;

import org.smbscope.codec.wire.Detail;

/**
 * Bytes of a TCP stream the capture does not have (lost by the capturing host, or a capture that
 * started or was cut mid-stream), and the bytes after them that were passed over to get back to a
 * message boundary. Carried by an {@link Exchange} of layer {@link Layer#GAP} whose payload is
 * {@link #encode()}: two 8-byte big-endian counts.
 *
 * @param missing bytes the capture lacks
 * @param skipped bytes after the gap passed over until the next message started
 */
public record CaptureGap(long missing, long skipped) {
    public byte[] encode() {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (missing >>> (56 - 8 * i));
            b[8 + i] = (byte) (skipped >>> (56 - 8 * i));
        }
        return b;
    }

    /** The gap a {@link Layer#GAP} exchange carries. */
    public static CaptureGap of(Exchange e) {
        byte[] b = e.payload();
        long m = 0;
        long s = 0;
        for (int i = 0; i < 8 && b.length == 16; i++) {
            m = (m << 8) | (b[i] & 0xFF);
            s = (s << 8) | (b[8 + i] & 0xFF);
        }
        return new CaptureGap(m, s);
    }

    /** One line: "1460 bytes missing from the capture here". */
    public String summary() {
        if (missing == 0) {
            return skipped + " bytes passed over: they do not start a message (the capture began mid-stream,"
                    + " or the stream is not what its port says)";
        }
        return missing + " bytes missing from the capture here" + (skipped > 0
                ? " (and " + skipped + " bytes after them passed over to the next message)" : "");
    }

    public Detail detail() {
        return Detail.of(summary());
    }
}
