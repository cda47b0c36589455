package org.smbscope.interop.netbios;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Test-only writer of a classic pcap file (little-endian, LINKTYPE_ETHERNET) holding UDP
 * datagrams and TCP segments built around payloads we encoded, so that tshark can dissect them.
 * Checksums are computed; TCP segments are written after a three-way handshake per flow.
 */
final class PcapWriter implements AutoCloseable {
    private static final int LINKTYPE_ETHERNET = 1;
    private final OutputStream out;
    private long micros = 1_700_000_000_000_000L;

    PcapWriter(Path file) throws IOException {
        out = Files.newOutputStream(file);
        ByteBuffer h = le(24);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(LINKTYPE_ETHERNET);
        out.write(h.array());
    }

    void udp(InetSocketAddress from, InetSocketAddress to, byte[] payload) throws IOException {
        ByteBuffer u = be(8 + payload.length);
        u.putShort((short) from.getPort()).putShort((short) to.getPort()).putShort((short) (8 + payload.length)).putShort((short) 0).put(payload);
        byte[] seg = u.array();
        int sum = transportChecksum(from, to, 17, seg);
        seg[6] = (byte) (sum >>> 8);
        seg[7] = (byte) sum;
        frame(ipv4(from, to, 17, seg));
    }

    /** A TCP flow: SYN, SYN-ACK, ACK, then each payload from client to server with PSH|ACK. */
    void tcpFromClient(InetSocketAddress client, InetSocketAddress server, byte[]... payloads) throws IOException {
        long cseq = 1000;
        long sseq = 5000;
        tcp(client, server, cseq, 0, 0x02, new byte[0]);
        tcp(server, client, sseq, cseq + 1, 0x12, new byte[0]);
        tcp(client, server, cseq + 1, sseq + 1, 0x10, new byte[0]);
        long seq = cseq + 1;
        for (byte[] p : payloads) {
            tcp(client, server, seq, sseq + 1, 0x18, p);
            seq += p.length;
        }
    }

    /** One TCP segment from server to client after the handshake of {@link #tcpFromClient}. */
    void tcpReply(InetSocketAddress server, InetSocketAddress client, long clientBytesSent, byte[] payload) throws IOException {
        tcp(server, client, 5001, 1001 + clientBytesSent, 0x18, payload);
    }

    private void tcp(InetSocketAddress from, InetSocketAddress to, long seq, long ack, int flags, byte[] payload) throws IOException {
        ByteBuffer t = be(20 + payload.length);
        t.putShort((short) from.getPort()).putShort((short) to.getPort()).putInt((int) seq).putInt((int) ack)
                .put((byte) 0x50).put((byte) flags).putShort((short) 65535).putShort((short) 0).putShort((short) 0).put(payload);
        byte[] seg = t.array();
        int sum = transportChecksum(from, to, 6, seg);
        seg[16] = (byte) (sum >>> 8);
        seg[17] = (byte) sum;
        frame(ipv4(from, to, 6, seg));
    }

    private static byte[] ipv4(InetSocketAddress from, InetSocketAddress to, int protocol, byte[] segment) {
        ByteBuffer ip = be(20 + segment.length);
        ip.put((byte) 0x45).put((byte) 0).putShort((short) (20 + segment.length)).putShort((short) 1).putShort((short) 0x4000)
                .put((byte) 64).put((byte) protocol).putShort((short) 0).put(v4(from)).put(v4(to)).put(segment);
        byte[] b = ip.array();
        int sum = checksum(b, 0, 20, 0);
        b[10] = (byte) (sum >>> 8);
        b[11] = (byte) sum;
        return b;
    }

    private void frame(byte[] ipPacket) throws IOException {
        ByteBuffer eth = be(14 + ipPacket.length);
        eth.put(new byte[] {0, 0, 0, 0, 0, 2}).put(new byte[] {0, 0, 0, 0, 0, 1}).putShort((short) 0x0800).put(ipPacket);
        byte[] f = eth.array();
        micros += 1000;
        ByteBuffer rec = le(16);
        rec.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(f.length).putInt(f.length);
        out.write(rec.array());
        out.write(f);
    }

    private static int transportChecksum(InetSocketAddress from, InetSocketAddress to, int protocol, byte[] segment) {
        ByteBuffer pseudo = be(12);
        pseudo.put(v4(from)).put(v4(to)).put((byte) 0).put((byte) protocol).putShort((short) segment.length);
        int partial = sum(pseudo.array(), 0, 12, 0);
        int c = checksum(segment, 0, segment.length, partial);
        return protocol == 17 && c == 0 ? 0xFFFF : c;
    }

    private static int checksum(byte[] b, int off, int len, int initial) {
        int s = sum(b, off, len, initial);
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return ~s & 0xFFFF;
    }

    private static int sum(byte[] b, int off, int len, int initial) {
        long s = initial;
        for (int i = 0; i < len; i += 2) {
            int hi = b[off + i] & 0xFF;
            int lo = i + 1 < len ? b[off + i + 1] & 0xFF : 0;
            s += (hi << 8) | lo;
        }
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) s;
    }

    private static byte[] v4(InetSocketAddress a) {
        if (!(a.getAddress() instanceof Inet4Address v4)) {
            throw new IllegalArgumentException("IPv4 only: " + a);
        }
        return v4.getAddress();
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static ByteBuffer be(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.BIG_ENDIAN);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
