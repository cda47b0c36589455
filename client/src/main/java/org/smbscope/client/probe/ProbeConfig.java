package org.smbscope.client.probe;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Settings shared by the probes.
 *
 * @param requireSigning whether the probes announce that the client requires signing
 * @param workstation    the calling NetBIOS name and NTLM workstation
 */
public record ProbeConfig(Duration timeout, Clock clock, RandomGenerator random, boolean requireSigning,
                          String workstation) {
    public ProbeConfig {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(workstation, "workstation");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    public static ProbeConfig defaults() {
        return new ProbeConfig(Duration.ofSeconds(3), Clock.systemUTC(), new java.security.SecureRandom(), false, "SMBSCOPE");
    }
}
