package org.smbscope.client.netbios;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.codec.netbios.NameServicePacket;
import org.smbscope.codec.netbios.NetbiosDecodeException;

/**
 * One request and its retransmissions (RFC 1002 4.2.1: same NAME_TRN_ID each time): sends,
 * then collects the responses carrying that transaction id until the attempt's wait is over.
 * Unicast stops at the first answer; broadcast gathers every answer of the first attempt that
 * got any. Malformed datagrams are skipped and remembered.
 */
final class Transaction {
    private static final Logger LOG = LoggerFactory.getLogger(NameClient.class);

    private final UdpEndpoint endpoint;
    private final Clock clock;
    private final Duration timeout;
    private final int retries;
    private NetbiosDecodeException lastMalformed;

    Transaction(UdpEndpoint endpoint, Clock clock, Duration timeout, int retries) {
        this.endpoint = endpoint;
        this.clock = clock;
        this.timeout = timeout;
        this.retries = retries;
    }

    record Response(NameServicePacket packet, InetSocketAddress sender) {
    }

    /**
     * Sends {@code request} to {@code target} up to 1 + retries times; returns the responses of
     * the first attempt that got any ({@code all} false: just the first response).
     */
    List<Response> run(NameServicePacket request, InetSocketAddress target, boolean all) throws IOException {
        byte[] wire = request.encode();
        List<Response> got = new ArrayList<>();
        for (int attempt = 0; attempt <= retries; attempt++) {
            endpoint.send(wire, target);
            Instant deadline = clock.instant().plus(timeout);
            while (true) {
                Optional<Datagram> d = endpoint.receive(deadline);
                if (d.isEmpty()) {
                    break;
                }
                Optional<NameServicePacket> p = matching(d.get(), request.transactionId());
                if (p.isPresent()) {
                    got.add(new Response(p.get(), d.get().sender()));
                    if (!all) {
                        return got;
                    }
                }
            }
            if (!got.isEmpty()) {
                return got;
            }
        }
        return got;
    }

    private Optional<NameServicePacket> matching(Datagram d, int id) {
        NameServicePacket p;
        try {
            p = NameServicePacket.decode(d.payload());
        } catch (NetbiosDecodeException e) {
            LOG.debug("skipping malformed datagram from {}: {}", d.sender(), e.getMessage());
            lastMalformed = e;
            return Optional.empty();
        }
        if (!p.response() || p.transactionId() != id) {
            LOG.debug("skipping unrelated {} from {}", p.summary(), d.sender());
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /** A malformed datagram seen while waiting, if any. */
    Optional<NetbiosDecodeException> lastMalformed() {
        return Optional.ofNullable(lastMalformed);
    }

    int attempts() {
        return retries + 1;
    }

    Duration waited() {
        return timeout.multipliedBy(retries + 1L);
    }
}
