package org.smbscope.client.probe;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one probe saw: the endpoints, how long the connection took, every frame, and the error
 * that ended it ("connection refused", "connection closed by the server", "timed out"), if any.
 *
 * @param local   the local endpoint (null when the connection was not made)
 * @param connect time to connect (or to fail)
 */
public record ProbeResult(InetSocketAddress local, InetSocketAddress remote, boolean udp, Duration connect,
                          List<ProbeFrame> frames, Optional<String> error) {
    public ProbeResult {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(connect, "connect");
        frames = List.copyOf(frames);
        Objects.requireNonNull(error, "error");
    }

    public boolean connected() {
        return local != null;
    }

    /** The last frame received, if any. */
    public Optional<ProbeFrame> lastReceived() {
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (!frames.get(i).sent()) {
                return Optional.of(frames.get(i));
            }
        }
        return Optional.empty();
    }
}
