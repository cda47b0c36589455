package org.smbscope.trace.capture;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One frame as the capture file holds it: the bytes {@code bytes[offset, offset+length)}.
 *
 * @param number         1-based frame number, as Wireshark counts
 * @param time           capture timestamp
 * @param linkType       the interface's LINKTYPE_ value (1 Ethernet, 113 Linux SLL, ...)
 * @param bytes          the array holding the captured bytes (possibly truncated to the snap length); a
 *                       frame from {@link CaptureReader#nextView()} shares it with the reader
 * @param offset         where the frame starts in {@code bytes}
 * @param length         how many bytes were captured
 * @param originalLength the frame's length on the wire
 */
public record CapturedPacket(long number, Instant time, int linkType, byte[] bytes, int offset, int length,
                             long originalLength) {
    public CapturedPacket {
        Objects.requireNonNull(time, "time");
        Objects.checkFromIndexSize(offset, length, bytes.length);
    }

    /** A frame that owns all of {@code data}. */
    public CapturedPacket(long number, Instant time, int linkType, byte[] data, long originalLength) {
        this(number, time, linkType, data, 0, data.length, originalLength);
    }

    /** The captured bytes (the array itself when the frame covers all of it, else a copy). */
    public byte[] data() {
        return offset == 0 && length == bytes.length ? bytes : Arrays.copyOfRange(bytes, offset, offset + length);
    }
}
