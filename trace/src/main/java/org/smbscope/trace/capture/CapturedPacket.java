package org.smbscope.trace.capture;

import java.time.Instant;

/**
 * One frame as the capture file holds it.
 *
 * @param number         1-based frame number, as Wireshark counts
 * @param time           capture timestamp
 * @param linkType       the interface's LINKTYPE_ value (1 Ethernet, 113 Linux SLL, ...)
 * @param data           the captured bytes (possibly truncated to the snap length)
 * @param originalLength the frame's length on the wire
 */
public record CapturedPacket(long number, Instant time, int linkType, byte[] data, long originalLength) {
}
