package org.smbscope.trace.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * Lets {@link SessionFramer} pass over file data nobody reads: an SMB2 READ response ([MS-SMB2]
 * 2.2.20) or WRITE request (2.2.21), alone in its frame, whose data runs to the end of the frame
 * and is longer than {@code keepBytes}. Such a frame is delivered with its first
 * {@link #probeLength()} bytes as the wire had them (header, fixed part and the first data bytes)
 * and zeros after them, in an array lent from this pool: it is the caller's until
 * {@link #releaseAll()}, then it is reused for a later frame of the same length. What a decoder then
 * sees is what {@code MessageSlimmer} makes of the message anyway (the data's length, zeros for its
 * bytes), without copying the data or allocating a frame for it.
 */
public final class FileDataSkipper {
    /** The SMB2 header and the WRITE request's fixed part: what the framer must see to decide. */
    static final int MIN_PROBE = 64 + 48;
    /** Free arrays kept for reuse (one frame length per READ/WRITE size in flight). */
    private static final int MAX_FREE = 4;
    private final int keepBytes;
    private final List<byte[]> free = new ArrayList<>();
    private final List<byte[]> lent = new ArrayList<>();

    /** @param keepBytes data bytes a message may carry and still be delivered whole (at least 0) */
    public FileDataSkipper(int keepBytes) {
        if (keepBytes < 0) {
            throw new IllegalArgumentException("keepBytes < 0");
        }
        this.keepBytes = keepBytes;
    }

    public int keepBytes() {
        return keepBytes;
    }

    /** Bytes of a frame copied before the decision, and kept whatever it is. */
    int probeLength() {
        return Math.max(keepBytes, MIN_PROBE);
    }

    /**
     * Whether the frame whose first {@link #probeLength()} bytes are {@code probe} (and whose length is
     * {@code length}, more than the probe) is a READ response or WRITE request whose data is the rest of
     * the frame past the probe, longer than keepBytes.
     */
    boolean skippable(byte[] probe, int length) {
        if ((probe[0] & 0xFF) != 0xFE || probe[1] != 'S' || probe[2] != 'M' || probe[3] != 'B' || u32(probe, 20) != 0) {
            return false;
        }
        int command = u16(probe, 12);
        boolean response = (probe[16] & 1) != 0;
        long dataOffset;
        long dataLength = u32(probe, 68);
        if (command == 8 && response && u16(probe, 64) == 17) {
            dataOffset = probe[66] & 0xFF;
            if (dataOffset < 64 + 16) {
                return false;
            }
        } else if (command == 9 && !response && u16(probe, 64) == 49) {
            dataOffset = u16(probe, 66);
            if (dataOffset < 64 + 48) {
                return false;
            }
        } else {
            return false;
        }
        return dataLength > keepBytes && dataOffset <= probeLength() && dataOffset + dataLength == length;
    }

    /** An array of {@code length} bytes that are zero from {@link #probeLength()} on, lent until {@link #releaseAll()}. */
    byte[] take(int length) {
        for (int i = 0; i < free.size(); i++) {
            if (free.get(i).length == length) {
                byte[] b = free.remove(i);
                lent.add(b);
                return b;
            }
        }
        byte[] b = new byte[length];
        lent.add(b);
        return b;
    }

    /** The frames handed out so far are no longer used: their arrays may be lent again. */
    public void releaseAll() {
        for (byte[] b : lent) {
            if (free.size() == MAX_FREE) {
                free.remove(0);
            }
            free.add(b);
        }
        lent.clear();
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return ((b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | (long) (b[at + 3] & 0xFF) << 24);
    }
}
