package org.smbscope.trace.capture;

import java.time.Instant;

/**
 * A TCP segment or UDP datagram taken out of a captured frame.
 *
 * @param tcpFlags the TCP flags byte (FIN 0x01, SYN 0x02, RST 0x04, ACK 0x10); 0 for UDP
 * @param seq      the TCP sequence number; 0 for UDP
 */
public record Segment(long frame, Instant time, Transport transport, Endpoint source, Endpoint destination,
                      int tcpFlags, long seq, byte[] bytes, int offset, int length) {

    /**
     * A segment whose payload is {@code bytes[offset, offset+length)}: a view into the captured frame (the
     * dissector does not copy the payload out of it).
     */
    public Segment {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
    }

    /** A segment whose payload is all of {@code payload}. */
    public Segment(long frame, Instant time, Transport transport, Endpoint source, Endpoint destination,
                   int tcpFlags, long seq, byte[] payload) {
        this(frame, time, transport, source, destination, tcpFlags, seq, payload, 0, payload.length);
    }

    /** The payload bytes (the array itself when the view covers all of it, else a copy). */
    public byte[] payload() {
        return offset == 0 && length == bytes.length ? bytes : java.util.Arrays.copyOfRange(bytes, offset, offset + length);
    }

    /** The layer-4 protocol. */
    public enum Transport { TCP, UDP }

    public boolean syn() {
        return (tcpFlags & 0x02) != 0;
    }

    public boolean fin() {
        return (tcpFlags & 0x01) != 0;
    }

    public boolean rst() {
        return (tcpFlags & 0x04) != 0;
    }
}
