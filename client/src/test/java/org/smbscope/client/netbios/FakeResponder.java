package org.smbscope.client.netbios;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A scripted UDP peer on 127.0.0.1: for each datagram received, sends the replies the script gives. */
final class FakeResponder implements AutoCloseable {
    final List<byte[]> received = new CopyOnWriteArrayList<>();
    private final DatagramSocket socket;
    private final Thread thread;

    FakeResponder(Function<byte[], List<byte[]>> script) throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        thread = Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[2048];
            while (!socket.isClosed()) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                    byte[] in = java.util.Arrays.copyOf(p.getData(), p.getLength());
                    received.add(in);
                    for (byte[] out : script.apply(in)) {
                        socket.send(new DatagramPacket(out, out.length, p.getSocketAddress()));
                    }
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    @Override
    public void close() throws InterruptedException {
        socket.close();
        thread.join(2000);
    }
}
