package org.smbscope.client.netbios;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How a {@link NameClient} talks: the local address (and port, 0 for an ephemeral one) it binds,
 * how long it waits for each attempt, how many times it retransmits, and where transaction ids
 * come from. Immutable; build with {@link #builder()}.
 *
 * @param localAddress address to bind (a loopback address in tests)
 * @param localPort    port to bind, 0 for ephemeral, 137 for Samba's {@code -r}
 * @param timeout      wait for an answer after each transmission (RFC 1002 UCAST_REQ_RETRY_TIMEOUT is 5 s,
 *                     BCAST_REQ_RETRY_TIMEOUT 250 ms)
 * @param retries      retransmissions after the first one (RFC 1002 UCAST_REQ_RETRY_COUNT is 3)
 * @param random       source of the 16-bit transaction ids
 * @param clock        time source for deadlines
 */
public record NameClientConfig(InetAddress localAddress, int localPort, Duration timeout, int retries,
                               RandomGenerator random, Clock clock) {

    public NameClientConfig {
        Objects.requireNonNull(localAddress, "localAddress");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(clock, "clock");
        if (localPort < 0 || localPort > 65535) {
            throw new IllegalArgumentException("localPort must be 0..65535, not " + localPort);
        }
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("timeout must be > 0 and <= 10 minutes, not " + timeout);
        }
        if (retries < 0 || retries > 100) {
            throw new IllegalArgumentException("retries must be 0..100, not " + retries);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with defaults: any local address, ephemeral port, 2 s timeout, 2 retries, a fresh RNG, UTC clock. */
    public static final class Builder {
        private InetAddress localAddress;
        private int localPort;
        private Duration timeout = Duration.ofSeconds(2);
        private int retries = 2;
        private RandomGenerator random;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder localAddress(InetAddress a) {
            this.localAddress = a;
            return this;
        }

        public Builder localPort(int p) {
            this.localPort = p;
            return this;
        }

        public Builder timeout(Duration t) {
            this.timeout = t;
            return this;
        }

        public Builder retries(int r) {
            this.retries = r;
            return this;
        }

        public Builder random(RandomGenerator r) {
            this.random = r;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        public NameClientConfig build() {
            InetAddress local = localAddress;
            if (local == null) {
                try {
                    local = InetAddress.getByAddress(new byte[4]);
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalStateException(e);
                }
            }
            RandomGenerator r = random != null ? random : new java.security.SecureRandom();
            return new NameClientConfig(local, localPort, timeout, retries, r, clock);
        }
    }
}
