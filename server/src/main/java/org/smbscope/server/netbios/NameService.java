package org.smbscope.server.netbios;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.codec.wire.DecodeException;

/**
 * A NetBIOS name server (RFC 1001 15, RFC 1002 4.2) for one host: answers name queries and node
 * status requests for its own names and defends its unique names against registrations by other
 * hosts. Malformed packets are logged (rate-limited) and ignored. One virtual thread receives
 * and answers; {@link #close()} stops it.
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
    private final DatagramSocket socket;
    private final PacketHandler handler;
    private final MalformedPacketLog malformed;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean closing;

    private NameService(NameServiceConfig config, DatagramSocket socket, PacketHandler handler) {
        this.config = config;
        this.socket = socket;
        this.handler = handler;
        this.malformed = new MalformedPacketLog(config.clock());
        this.thread = Thread.ofVirtual().name("nbns-" + config.name()).unstarted(this::serve);
    }

    /** Binds the configured address and port and starts answering. */
    public static NameService start(NameServiceConfig config) throws IOException {
        return start(config, new NameResponder(NameTable.of(config), config));
    }

    static NameService start(NameServiceConfig config, PacketHandler handler) throws IOException {
        DatagramSocket socket = new DatagramSocket(null);
        try {
            socket.setReuseAddress(true);
            socket.setBroadcast(true);
            socket.bind(new InetSocketAddress(config.address(), config.port()));
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw new IOException("cannot bind NetBIOS name service to " + config.address().getHostAddress() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        NameService ns = new NameService(config, socket, handler);
        ns.thread.start();
        LOG.info("NetBIOS name service for {} / {} on {}", config.name(), config.workgroup(), ns.localAddress());
        return ns;
    }

    /** The address and port actually bound (the port is the ephemeral one when 0 was configured). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    public NameServiceConfig config() {
        return config;
    }

    /** The names this service answers for, in node status order. */
    public java.util.List<org.smbscope.codec.netbios.NodeName> names() {
        return NameTable.of(config).names();
    }

    private void serve() {
        byte[] buf = new byte[2048];
        try {
            while (!closing) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                } catch (SocketException e) {
                    if (!closing) {
                        LOG.error("name service socket failed, stopping", e);
                    }
                    return;
                } catch (IOException e) {
                    LOG.warn("receive failed: {}", e.toString());
                    continue;
                }
                answer(Arrays.copyOf(p.getData(), p.getLength()), (InetSocketAddress) p.getSocketAddress());
            }
        } finally {
            stopped.countDown();
        }
    }

    private void answer(byte[] packet, InetSocketAddress sender) {
        Optional<byte[]> reply;
        try {
            reply = handler.handle(packet, sender);
        } catch (DecodeException e) {
            malformed.report(sender.getAddress(), sender.getPort(), packet.length, e.getMessage());
            return;
        } catch (RuntimeException e) {
            LOG.error("bug answering a {}-byte packet from {}", packet.length, sender, e);
            return;
        }
        if (reply.isPresent()) {
            try {
                socket.send(new DatagramPacket(reply.get(), reply.get().length, sender));
            } catch (IOException e) {
                LOG.warn("cannot answer {}: {}", sender, e.toString());
            }
        }
    }

    /** Stops answering and releases the port; waits briefly for the receiving thread to end. */
    @Override
    public void close() {
        closing = true;
        socket.close();
        try {
            stopped.await(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until the service has stopped (for {@code smbscope nameserver}). */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }
}
