package org.smbscope.client.netbios;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smbscope.codec.netbios.NameServicePacket;
import org.smbscope.codec.netbios.NameServicePackets;
import org.smbscope.codec.netbios.NetbiosDecodeException;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.ResourceRecord;

/**
 * The NetBIOS name service client side, RFC 1002 4.2 / 5.1.1 (B/P node query procedures):
 * unicast name queries to a name server or a host (recursion desired for a WINS server),
 * broadcast queries that collect every answer until the wait ends, and node status requests.
 * Blocking and virtual-thread friendly; each call binds its own socket on the configured local
 * address and closes it when done.
 *
 * <p>Answers are matched by transaction id and sender; packets that do not decode are counted
 * and skipped, and if nothing else came the call fails with {@link NameProtocolException}.
 */
public final class NameClient {
    /** The name service port, RFC 1002 4.2. */
    public static final int PORT = 137;

    private final NameClientConfig config;

    public NameClient(NameClientConfig config) {
        this.config = config;
    }

    public NameClientConfig config() {
        return config;
    }

    /**
     * Asks {@code server} (a WINS server or the host itself) for {@code name}: the first answer
     * from that address, positive or negative.
     */
    public NameQueryResult queryUnicast(NetbiosName name, InetSocketAddress server, boolean recursion)
            throws IOException {
        NameServicePacket q = NameServicePackets.query(transactionId(), name, false, recursion);
        List<Reply> replies = exchange(q, server, false, true);
        return toResult(replies.get(0));
    }

    /**
     * Broadcasts a query for {@code name} to {@code broadcast} and returns every answer received
     * until the timeout (owners of unique names answer; group members each answer). An empty list
     * means nobody answered: on a broadcast that is "not found", not an error.
     */
    public List<NameQueryResult> queryBroadcast(NetbiosName name, InetSocketAddress broadcast) throws IOException {
        NameServicePacket q = NameServicePackets.query(transactionId(), name, true, false);
        List<NameQueryResult> out = new ArrayList<>();
        for (Reply r : exchange(q, broadcast, true, false)) {
            out.add(toResult(r));
        }
        return out;
    }

    /** A node status request (NBSTAT) for {@code *} (or a given name) to one host. */
    public NodeStatusResult nodeStatus(InetSocketAddress target) throws IOException {
        return nodeStatus(target, NetbiosName.wildcard());
    }

    public NodeStatusResult nodeStatus(InetSocketAddress target, NetbiosName name) throws IOException {
        NameServicePacket q = NameServicePackets.nodeStatusRequest(transactionId(), name);
        Reply r = exchange(q, target, false, true).get(0);
        return r.packet().nodeStatus()
                .map(d -> NodeStatusResult.of(r.sender(), d))
                .orElseThrow(() -> new IOException("answer from " + r.sender() + " to a node status request is "
                        + r.packet().summary() + ", not a node status response"));
    }

    private record Reply(NameServicePacket packet, InetSocketAddress sender) {
    }

    private int transactionId() {
        return config.random().nextInt(0x10000);
    }

    /**
     * Sends {@code request} up to 1 + retries times; with {@code firstOnly} returns at the first
     * matching reply, otherwise collects replies until the last wait ends.
     */
    private List<Reply> exchange(NameServicePacket request, InetSocketAddress target, boolean broadcast,
                                 boolean firstOnly) throws IOException {
        byte[] bytes = request.encode();
        List<Reply> replies = new ArrayList<>();
        NetbiosDecodeException lastMalformed = null;
        int attempts = 0;
        Instant start = config.clock().instant();
        try (UdpEndpoint udp = new UdpEndpoint(new InetSocketAddress(config.localAddress(), config.localPort()),
                broadcast, config.clock())) {
            for (int attempt = 0; attempt <= config.retries(); attempt++) {
                udp.send(bytes, target);
                attempts++;
                Instant deadline = config.clock().instant().plus(config.timeout());
                for (Optional<Datagram> d; (d = udp.receive(deadline)).isPresent(); ) {
                    Datagram dg = d.get();
                    if (!broadcast && !sameHost(dg.sender().getAddress(), target.getAddress())) {
                        continue;
                    }
                    NameServicePacket p;
                    try {
                        p = NameServicePacket.decode(dg.payload());
                    } catch (NetbiosDecodeException e) {
                        lastMalformed = e;
                        continue;
                    }
                    if (!p.response() || p.transactionId() != request.transactionId()) {
                        continue;
                    }
                    if (isWack(p)) {
                        // RFC 1002 4.2.16: the server needs time; wait the TTL it asks for (bounded)
                        long ttl = Math.min(p.answer().map(ResourceRecord::ttl).orElse(0L), 60);
                        deadline = config.clock().instant().plusSeconds(Math.max(ttl, 1));
                        continue;
                    }
                    replies.add(new Reply(p, dg.sender()));
                    if (firstOnly) {
                        return replies;
                    }
                }
                if (!replies.isEmpty()) {
                    return replies;
                }
            }
        }
        if (broadcast) {
            return replies;
        }
        if (lastMalformed != null) {
            throw new NameProtocolException(target, lastMalformed);
        }
        throw new NameTimeoutException(request.summary(), target, attempts,
                Duration.between(start, config.clock().instant()));
    }

    private static boolean isWack(NameServicePacket p) {
        return p.opcode().equals(org.smbscope.codec.netbios.NameServiceOpcode.WACK);
    }

    private static boolean sameHost(InetAddress a, InetAddress b) {
        return a.equals(b) || b.isAnyLocalAddress();
    }

    private static NameQueryResult toResult(Reply r) {
        NameServicePacket p = r.packet();
        NetbiosName name = p.answer().map(ResourceRecord::name)
                .or(() -> p.question().map(q -> q.name()))
                .orElse(NetbiosName.wildcard());
        if (p.rcode().isError()) {
            return new NameQueryResult.NotFound(r.sender(), name, p.rcode());
        }
        ResourceRecord rr = p.answer().orElse(null);
        List<NameAnswer> answers = rr == null ? List.of()
                : rr.addresses().stream().map(NameAnswer::of).toList();
        return new NameQueryResult.Found(r.sender(), name, rr == null ? 0 : rr.ttl(), answers);
    }
}
