package org.smbscope.trace.event;

import java.time.Instant;
import java.util.Objects;
import org.smbscope.trace.capture.Endpoint;

/**
 * One message on the wire, decoded as far as smbscope can: the unit that the client's
 * {@code --trace}, the server's audit log, the doctor and the capture analyzer all share.
 *
 * @param index     position in its stream of exchanges, from 1
 * @param frame     the capture frame that completed it (0 for live traffic)
 * @param time      when it was seen
 * @param client    the side that opened the conversation
 * @param server    the other side
 * @param direction which way it went
 * @param layer     what it is
 * @param payload   the message bytes (after the 4-byte session header for TCP)
 */
public record Exchange(long index, long frame, Instant time, Endpoint client, Endpoint server, Direction direction,
                       Layer layer, byte[] payload) {
    public Exchange {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(payload, "payload");
    }

    /** The sender of this message. */
    public Endpoint source() {
        return direction == Direction.CLIENT_TO_SERVER ? client : server;
    }

    /** The receiver of this message. */
    public Endpoint destination() {
        return direction == Direction.CLIENT_TO_SERVER ? server : client;
    }
}
