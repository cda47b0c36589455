package org.smbscope.trace.diagnose;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A TCP connection attempt the doctor made (a capture's SYN/RST would be one too).
 *
 * @param latency time to connect, or to fail
 * @param error   why it failed ("connection refused", "timed out"), "" when connected
 */
public record TransportAttempt(String host, int port, boolean connected, Duration latency, String error, Instant time) {
    public TransportAttempt {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(latency, "latency");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(time, "time");
    }
}
