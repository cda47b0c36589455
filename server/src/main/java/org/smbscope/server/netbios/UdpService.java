package org.smbscope.server.netbios;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.codec.wire.DecodeException;

/**
 * One UDP service (name service 137 or datagram service 138) on one interface: a main socket bound to the
 * interface address, from which every reply and every packet we originate is sent, and optional extra
 * sockets on the same port (the subnet broadcast address) that only receive. All sockets set SO_REUSEADDR
 * and SO_BROADCAST, so a Samba nmbd holding 0.0.0.0 on the same port can coexist (the kernel hands a
 * unicast packet to the most specific bind). One virtual thread per socket; malformed packets are logged
 * (rate-limited) and dropped.
 */
final class UdpService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UdpService.class);

    private final String label;
    private final List<DatagramSocket> sockets;
    private final PacketHandler handler;
    private final MalformedPacketLog malformed;
    private final CountDownLatch stopped;
    private volatile boolean closing;

    private UdpService(String label, List<DatagramSocket> sockets, PacketHandler handler, Clock clock) {
        this.label = label;
        this.sockets = List.copyOf(sockets);
        this.handler = handler;
        this.malformed = new MalformedPacketLog(clock);
        this.stopped = new CountDownLatch(sockets.size());
    }

    /**
     * Binds {@code address:port} (port 0: an ephemeral one) and then each of {@code alsoReceiveOn} on the
     * same port, and starts receiving.
     */
    static UdpService start(String label, InetAddress address, int port, List<InetAddress> alsoReceiveOn,
            PacketHandler handler, Clock clock) throws IOException {
        List<DatagramSocket> sockets = new ArrayList<>();
        try {
            sockets.add(bind(address, port));
            int actual = sockets.get(0).getLocalPort();
            for (InetAddress extra : alsoReceiveOn) {
                if (!extra.equals(address)) {
                    sockets.add(bind(extra, actual));
                }
            }
        } catch (IOException e) {
            sockets.forEach(DatagramSocket::close);
            throw e;
        }
        UdpService s = new UdpService(label, sockets, handler, clock);
        for (DatagramSocket socket : s.sockets) {
            Thread.ofVirtual().name(label + "-" + socket.getLocalSocketAddress()).start(() -> s.serve(socket));
        }
        return s;
    }

    private static DatagramSocket bind(InetAddress address, int port) throws IOException {
        DatagramSocket socket = new DatagramSocket(null);
        try {
            socket.setReuseAddress(true);
            socket.setBroadcast(true);
            socket.bind(new InetSocketAddress(address, port));
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw new IOException("cannot bind UDP " + address.getHostAddress() + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /** The main socket's address and port. */
    InetSocketAddress localAddress() {
        return (InetSocketAddress) sockets.get(0).getLocalSocketAddress();
    }

    /** Sends from the main socket. */
    void send(byte[] packet, InetSocketAddress to) {
        try {
            sockets.get(0).send(new DatagramPacket(packet, packet.length, to));
        } catch (IOException e) {
            LOG.warn("{}: cannot send to {}: {}", label, to, e.toString());
        }
    }

    private void serve(DatagramSocket socket) {
        byte[] buf = new byte[2048];
        try {
            while (!closing) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                } catch (SocketException e) {
                    if (!closing) {
                        LOG.error("{}: socket {} failed, stopping it", label, socket.getLocalSocketAddress(), e);
                    }
                    return;
                } catch (IOException e) {
                    LOG.warn("{}: receive failed: {}", label, e.toString());
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
            synchronized (malformed) {
                malformed.report(sender.getAddress(), sender.getPort(), packet.length, e.getMessage());
            }
            return;
        } catch (RuntimeException e) {
            LOG.error("{}: bug handling a {}-byte packet from {}", label, packet.length, sender, e);
            return;
        }
        reply.ifPresent(r -> send(r, sender));
    }

    @Override
    public void close() {
        closing = true;
        sockets.forEach(DatagramSocket::close);
        try {
            stopped.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Blocks until every receiving thread has ended. */
    void awaitStop() throws InterruptedException {
        stopped.await();
    }
}
