package org.smbscope.trace.capture;

import java.time.Instant;

/**
 * A TCP segment or UDP datagram taken out of a captured frame.
 *
 * @param tcpFlags the TCP flags byte (FIN 0x01, SYN 0x02, RST 0x04, ACK 0x10); 0 for UDP
 * @param seq      the TCP sequence number; 0 for UDP
 */
public record Segment(long frame, Instant time, Transport transport, Endpoint source, Endpoint destination,
                      int tcpFlags, long seq, byte[] payload) {

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
