package org.smbscope.client.netbios;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/** No answer came from {@link #target()} after every transmission and the configured wait. */
public final class NameTimeoutException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient InetSocketAddress target;
    private final int attempts;
    private final Duration waited;

    NameTimeoutException(String what, InetSocketAddress target, int attempts, Duration waited) {
        super("no answer to " + what + " from " + target.getAddress().getHostAddress() + ":" + target.getPort()
                + " after " + attempts + (attempts == 1 ? " attempt" : " attempts") + " (" + waited.toMillis() + " ms)");
        this.target = target;
        this.attempts = attempts;
        this.waited = waited;
    }

    public InetSocketAddress target() {
        return target;
    }

    public int attempts() {
        return attempts;
    }

    public Duration waited() {
        return waited;
    }
}
