package org.smbscope.server.netbios;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs malformed packets at WARN, at most once per sender per {@link #PERIOD}, so that a peer
 * spraying garbage cannot flood the log. Remembers at most {@link #MAX_SENDERS} senders.
 * Used by one receiving thread only.
 */
final class MalformedPacketLog {
    static final Duration PERIOD = Duration.ofMinutes(1);
    static final int MAX_SENDERS = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(NameService.class);

    private final Clock clock;
    private final Map<InetAddress, Instant> lastWarned = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<InetAddress, Instant> eldest) {
            return size() > MAX_SENDERS;
        }
    };
    private long suppressed;

    MalformedPacketLog(Clock clock) {
        this.clock = clock;
    }

    /** Returns true if this report was logged, false if it was suppressed. */
    boolean report(InetAddress sender, int port, int length, String problem) {
        Instant now = clock.instant();
        Instant last = lastWarned.get(sender);
        if (last != null && Duration.between(last, now).compareTo(PERIOD) < 0) {
            suppressed++;
            LOG.debug("ignored malformed packet from {}:{} ({} bytes): {}", sender.getHostAddress(), port, length, problem);
            return false;
        }
        lastWarned.put(sender, now);
        LOG.warn("ignored malformed packet from {}:{} ({} bytes): {}{}", sender.getHostAddress(), port, length, problem,
                suppressed > 0 ? " (" + suppressed + " more suppressed since the last warning)" : "");
        suppressed = 0;
        return true;
    }
}
