package org.smbscope.client.netbios;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.smbscope.codec.netbios.NameServicePacket;
import org.smbscope.codec.netbios.NameServicePackets;
import org.smbscope.codec.netbios.NameServiceRcode;
import org.smbscope.codec.netbios.NbRData;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.NodeStatusRData;
import org.smbscope.codec.netbios.ResourceRecord;
import org.smbscope.codec.netbios.RrType;

/**
 * A NetBIOS name service client (RFC 1001 15.1, RFC 1002 4.2): name queries unicast to a name
 * server (recursion desired) or broadcast, and node status requests. Blocking UDP, one request at
 * a time (a lock, not a monitor, so virtual threads are not pinned). Negative responses are
 * {@link NameQueryResult.NotFound} results; silence is a {@link NameTimeoutException}.
 *
 * <pre>{@code
 * try (NameClient c = NameClient.open(NameClientConfig.builder()
 *         .localAddress(InetAddress.getByName("127.0.0.1")).build())) {
 *     NameQueryResult r = c.query(NetbiosName.of("LAB10", 0x00), new InetSocketAddress("127.0.0.10", 137), true);
 *     NodeStatusResult s = c.nodeStatus(new InetSocketAddress("127.0.0.10", 137));
 * }
 * }</pre>
 */
public final class NameClient implements AutoCloseable {
    /** The NetBIOS name service port. */
    public static final int PORT = 137;

    private final NameClientConfig config;
    private final UdpEndpoint endpoint;
    private final ReentrantLock lock = new ReentrantLock();

    private NameClient(NameClientConfig config, UdpEndpoint endpoint) {
        this.config = config;
        this.endpoint = endpoint;
    }

    /** Binds the configured local address and port. */
    public static NameClient open(NameClientConfig config) throws IOException {
        InetSocketAddress local = new InetSocketAddress(config.localAddress(), config.localPort());
        return new NameClient(config, new UdpEndpoint(local, true, config.clock()));
    }

    public InetSocketAddress localAddress() {
        return endpoint.localAddress();
    }

    private int nextId() {
        lock.lock(); // the injected generator need not be thread-safe
        try {
            return config.random().nextInt(0x10000);
        } finally {
            lock.unlock();
        }
    }

    private Transaction transaction() {
        return new Transaction(endpoint, config.clock(), config.timeout(), config.retries());
    }

    /**
     * Unicast name query to a name server (or any node) at {@code server}.
     *
     * @throws NameTimeoutException  no response after every retransmission
     * @throws NameProtocolException only malformed responses came back
     */
    public NameQueryResult query(NetbiosName name, InetSocketAddress server, boolean recursionDesired) throws IOException {
        NameServicePacket request = NameServicePackets.query(nextId(), name, false, recursionDesired);
        List<Transaction.Response> got = exchange(request, server, false, "name query for " + name);
        return toResult(got.get(0));
    }

    /**
     * Broadcast name query to {@code broadcast}: every answer that arrives within the timeout of
     * the first attempt that got any. Empty when nobody answered (not an exception: on a
     * broadcast, silence is the normal way of saying "not here").
     */
    public List<NameQueryResult> broadcastQuery(NetbiosName name, InetSocketAddress broadcast) throws IOException {
        NameServicePacket request = NameServicePackets.query(nextId(), name, true, false);
        lock.lock();
        try {
            List<NameQueryResult> results = new ArrayList<>();
            for (Transaction.Response r : transaction().run(request, broadcast, true)) {
                results.add(toResult(r));
            }
            return results;
        } finally {
            lock.unlock();
        }
    }

    /** Node status of {@code target}, asking for the wildcard name {@code *} (as nmblookup -A). */
    public NodeStatusResult nodeStatus(InetSocketAddress target) throws IOException {
        return nodeStatus(target, NetbiosName.wildcard());
    }

    /** Node status of {@code target} for a given name (as Windows nbtstat -a does). */
    public NodeStatusResult nodeStatus(InetSocketAddress target, NetbiosName name) throws IOException {
        NameServicePacket request = NameServicePackets.nodeStatusRequest(nextId(), name);
        Transaction.Response r = exchange(request, target, false, "node status request").get(0);
        for (ResourceRecord rr : r.packet().answers()) {
            if (rr.data() instanceof NodeStatusRData data) {
                return NodeStatusResult.of(r.sender(), data);
            }
        }
        throw new NameProtocolException(target, new org.smbscope.codec.netbios.NetbiosDecodeException(
                "NBNS", "Answer", 0, "response to a node status request has no NBSTAT answer: " + r.packet().summary()));
    }

    private List<Transaction.Response> exchange(NameServicePacket request, InetSocketAddress target, boolean all,
            String what) throws IOException {
        lock.lock();
        try {
            Transaction t = transaction();
            List<Transaction.Response> got = t.run(request, target, all);
            if (got.isEmpty()) {
                if (t.lastMalformed().isPresent()) {
                    throw new NameProtocolException(target, t.lastMalformed().get());
                }
                throw new NameTimeoutException(what, target, t.attempts(), t.waited());
            }
            return got;
        } finally {
            lock.unlock();
        }
    }

    private static NameQueryResult toResult(Transaction.Response r) {
        NameServicePacket p = r.packet();
        NetbiosName name = p.answer().map(ResourceRecord::name)
                .or(() -> p.question().map(q -> q.name()))
                .orElse(NetbiosName.wildcard());
        if (!p.rcode().isError()) {
            for (ResourceRecord rr : p.answers()) {
                if (rr.type().equals(RrType.NB) && rr.data() instanceof NbRData nb && !nb.entries().isEmpty()) {
                    return new NameQueryResult.Found(r.sender(), rr.name(), rr.ttl(),
                            nb.entries().stream().map(NameAnswer::of).toList());
                }
            }
        }
        NameServiceRcode rcode = p.rcode().isError() ? p.rcode() : NameServiceRcode.NAM_ERR;
        return new NameQueryResult.NotFound(r.sender(), name, rcode);
    }

    @Override
    public void close() {
        endpoint.close();
    }
}
