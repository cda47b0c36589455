package org.smbscope.server.netbios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MalformedPacketLogTest {
    /** A clock the test moves. */
    private static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void warnsOncePerSenderPerMinute() throws Exception {
        StepClock clock = new StepClock();
        MalformedPacketLog log = new MalformedPacketLog(clock);
        InetAddress a = InetAddress.getByName("127.0.0.5");
        InetAddress b = InetAddress.getByName("127.0.0.6");
        assertThat(log.report(a, 137, 3, "truncated")).isTrue();
        assertThat(log.report(a, 137, 3, "truncated")).isFalse();
        assertThat(log.report(b, 137, 3, "truncated")).isTrue();
        clock.now = clock.now.plus(Duration.ofSeconds(59));
        assertThat(log.report(a, 137, 3, "truncated")).isFalse();
        clock.now = clock.now.plus(Duration.ofSeconds(1));
        assertThat(log.report(a, 137, 3, "truncated")).isTrue();
    }
}
