package org.smbscope.client.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * Transport limits. {@code readTimeout} bounds a single blocking read on the socket (zero: none;
 * the SMB layer bounds each request itself), {@code maxFrameSize} bounds what a peer may announce.
 */
public record TransportConfig(Duration connectTimeout, Duration readTimeout, int maxFrameSize) {
    /** The largest length a 24-bit direct-TCP header can carry. */
    public static final int MAX_DIRECT_FRAME = 0xFFFFFF;

    public TransportConfig {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        if (connectTimeout.isNegative() || readTimeout.isNegative()) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
        if (maxFrameSize < 64 || maxFrameSize > MAX_DIRECT_FRAME) {
            throw new IllegalArgumentException("maxFrameSize must be 64.." + MAX_DIRECT_FRAME + ": " + maxFrameSize);
        }
    }

    /** 10 s to connect, no socket read timeout, 8 MiB + 1 KiB frames. */
    public static TransportConfig defaults() {
        return new TransportConfig(Duration.ofSeconds(10), Duration.ZERO, 8 * 1024 * 1024 + 1024);
    }

    public TransportConfig withConnectTimeout(Duration d) {
        return new TransportConfig(d, readTimeout, maxFrameSize);
    }

    public TransportConfig withReadTimeout(Duration d) {
        return new TransportConfig(connectTimeout, d, maxFrameSize);
    }

    public TransportConfig withMaxFrameSize(int max) {
        return new TransportConfig(connectTimeout, readTimeout, max);
    }
}
