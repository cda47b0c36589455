package org.smbscope.server.netbios;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.codec.netbios.NodeName;

/**
 * A NetBIOS name server (RFC 1001 15, RFC 1002 4.2) for one host: answers name queries and node
 * status requests for its own names and defends its unique names against registrations by other
 * hosts. Malformed packets are logged (rate-limited) and ignored. Virtual threads receive
 * and answer; {@link #close()} stops it.
 *
 * <pre>{@code
 * try (NameService ns = NameService.start(NameServiceConfig.builder()
 *         .address(InetAddress.getByName("127.0.0.1")).port(0).name("DEMO").build())) {
 *     InetSocketAddress where = ns.localAddress();
 * }
 * }</pre>
 */
public final class NameService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NameService.class);

    private final NameServiceConfig config;
    private final UdpService udp;

    private NameService(NameServiceConfig config, UdpService udp) {
        this.config = config;
        this.udp = udp;
    }

    /** Binds the configured address and port and starts answering. */
    public static NameService start(NameServiceConfig config) throws IOException {
        return start(config, new NameResponder(NameTable.of(config), config), List.of());
    }

    /**
     * Binds the configured address and port, and also receives on {@code alsoReceiveOn} (the subnet
     * broadcast address) with the same port; answers always leave from the configured address.
     */
    static NameService start(NameServiceConfig config, PacketHandler handler, List<InetAddress> alsoReceiveOn)
            throws IOException {
        UdpService udp;
        try {
            udp = UdpService.start("nbns-" + config.name(), config.address(), config.port(), alsoReceiveOn, handler,
                    config.clock());
        } catch (IOException e) {
            throw new IOException("cannot bind NetBIOS name service to " + config.address().getHostAddress() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        NameService ns = new NameService(config, udp);
        LOG.info("NetBIOS name service for {} / {} on {}", config.name(), config.workgroup(), ns.localAddress());
        return ns;
    }

    /** The address and port actually bound (the port is the ephemeral one when 0 was configured). */
    public InetSocketAddress localAddress() {
        return udp.localAddress();
    }

    public NameServiceConfig config() {
        return config;
    }

    /** The names this service answers for, in node status order. */
    public List<NodeName> names() {
        return NameTable.of(config).names();
    }

    /** Sends a packet we originate (a registration, a release) from the service's address and port. */
    void send(byte[] packet, InetSocketAddress to) {
        udp.send(packet, to);
    }

    /** Stops answering and releases the port; waits briefly for the receiving threads to end. */
    @Override
    public void close() {
        udp.close();
    }

    /** Blocks until the service has stopped (for {@code smbscope nameserver}). */
    public void awaitStop() throws InterruptedException {
        udp.awaitStop();
    }
}
