package org.smbscope.bench.e2e;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import org.smbscope.codec.netbios.NameServicePackets;
import org.smbscope.codec.netbios.NetbiosName;

/**
 * A NetBIOS node status load generator (the same one for nmbd and for our name service): from
 * {@code threads} UDP sockets on loopback, each keeping {@code window} NODE STATUS requests for
 * {@code *<00>} (as {@code nmblookup -A} sends) outstanding, for {@code seconds}. Counts answers
 * whose transaction id matches one outstanding on that socket, and prints
 * {@code answered=N lost=L seconds=S qps=X}. A request unanswered for 200 ms counts as lost and is
 * replaced.
 *
 * <p>{@code java -cp benchmarks.jar org.smbscope.bench.e2e.NodeStatusLoad ADDRESS PORT SECONDS [threads] [window]}
 */
public final class NodeStatusLoad {
    private NodeStatusLoad() {
    }

    public static void main(String[] a) throws Exception {
        InetSocketAddress target = new InetSocketAddress(InetAddress.getByName(a[0]), Integer.parseInt(a[1]));
        double seconds = Double.parseDouble(a[2]);
        int threads = a.length > 3 ? Integer.parseInt(a[3]) : 2;
        int window = a.length > 4 ? Integer.parseInt(a[4]) : 8;
        LongAdder answered = new LongAdder();
        LongAdder lost = new LongAdder();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        List<Thread> all = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int base = t << 12;
            Thread th = Thread.ofPlatform().start(() -> {
                try {
                    run(target, base, window, end, answered, lost);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            all.add(th);
        }
        for (Thread th : all) {
            th.join();
        }
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("answered=%d lost=%d seconds=%.3f qps=%.0f%n", answered.sum(), lost.sum(), took,
                answered.sum() / took);
    }

    private static void run(InetSocketAddress target, int base, int window, long end, LongAdder answered,
            LongAdder lost) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            socket.setSoTimeout(200);
            boolean[] outstanding = new boolean[4096];
            int next = 0;
            int inFlight = 0;
            byte[] buf = new byte[1500];
            DatagramPacket in = new DatagramPacket(buf, buf.length);
            while (System.nanoTime() < end) {
                while (inFlight < window) {
                    int id = base | (next++ & 0xFFF);
                    outstanding[id & 0xFFF] = true;
                    byte[] q = NameServicePackets.nodeStatusRequest(id, NetbiosName.wildcard()).encode();
                    socket.send(new DatagramPacket(q, q.length, target));
                    inFlight++;
                }
                try {
                    in.setLength(buf.length);
                    socket.receive(in);
                } catch (SocketTimeoutException e) {
                    lost.add(inFlight);
                    java.util.Arrays.fill(outstanding, false);
                    inFlight = 0;
                    continue;
                }
                if (in.getLength() < 12 || (buf[2] & 0x80) == 0) {
                    continue;
                }
                int id = ((buf[0] & 0xFF) << 8) | (buf[1] & 0xFF);
                if ((id & 0xF000) == base && outstanding[id & 0xFFF]) {
                    outstanding[id & 0xFFF] = false;
                    inFlight--;
                    answered.increment();
                }
            }
        }
    }
}
