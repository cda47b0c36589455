package org.smbscope.client.netbios;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A blocking UDP socket bound to one local address, receiving until a deadline. Blocking
 * datagram I/O parks a virtual thread rather than pinning its carrier (JDK 21+), and nothing
 * here holds a monitor while blocked.
 */
final class UdpEndpoint implements AutoCloseable {
    /** Largest NetBIOS name service datagram we accept (RFC 1002 4.2.1 limits it to 576). */
    static final int MAX_DATAGRAM = 1500;

    private final DatagramSocket socket;
    private final Clock clock;

    UdpEndpoint(InetSocketAddress local, boolean broadcast, Clock clock) throws IOException {
        this.socket = new DatagramSocket(null);
        this.clock = clock;
        try {
            socket.setReuseAddress(local.getPort() != 0);
            socket.setBroadcast(broadcast);
            socket.bind(local);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    void send(byte[] payload, InetSocketAddress to) throws IOException {
        socket.send(new DatagramPacket(payload, payload.length, to));
    }

    /** The next datagram, or empty once {@code deadline} has passed. */
    Optional<Datagram> receive(Instant deadline) throws IOException {
        long millis = deadline.toEpochMilli() - clock.millis();
        if (millis <= 0) {
            return Optional.empty();
        }
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, millis));
        byte[] buf = new byte[MAX_DATAGRAM];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        return Optional.of(new Datagram(Arrays.copyOf(p.getData(), p.getLength()),
                (InetSocketAddress) p.getSocketAddress()));
    }

    @Override
    public void close() {
        socket.close();
    }
}
