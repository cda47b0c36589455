package org.smbscope.trace.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.smbscope.trace.event.Direction;
import org.smbscope.trace.event.Exchange;
import org.smbscope.trace.event.Layer;

/**
 * Writes exchanges as a classic pcap file (LINKTYPE_RAW, IPv4 or IPv6) that Wireshark opens: UDP
 * datagrams for NBNS/NBDS, and for each TCP conversation a three-way handshake, the messages with
 * their session header (4 bytes: type and length, RFC 1002 4.3.1 / [MS-SMB2] 2.1) and running
 * sequence numbers, and a closing FIN. Addresses that are wildcards (a socket bound to any
 * address) are written as loopback. TCP and UDP checksums are left zero, as captures taken with
 * checksum offload have them.
 */
public final class PcapWriter {
    private static final int LINKTYPE_RAW = 101;
    private final OutputStream out;
    private final Map<String, long[]> seq = new HashMap<>();

    private PcapWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes {@code exchanges} as one capture. */
    public static void write(OutputStream out, List<Exchange> exchanges) throws IOException {
        PcapWriter w = new PcapWriter(out);
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(LINKTYPE_RAW);
        out.write(h.array());
        for (Exchange e : exchanges) {
            w.exchange(e);
        }
        for (Map.Entry<String, long[]> c : w.seq.entrySet()) {
            long[] s = c.getValue();
            Exchange last = w.lastOf.get(c.getKey());
            w.tcp(last, true, 0x11, new byte[0], s);
            w.tcp(last, false, 0x11, new byte[0], s);
        }
        out.flush();
    }

    /** The capture as bytes. */
    public static byte[] toBytes(List<Exchange> exchanges) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try {
            write(b, exchanges);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    private final Map<String, Exchange> lastOf = new HashMap<>();

    private void exchange(Exchange e) throws IOException {
        boolean c2s = e.direction() == Direction.CLIENT_TO_SERVER;
        if (e.layer() == Layer.NBNS || e.layer() == Layer.NBDS || e.layer() == Layer.KERBEROS && e.payload().length > 0
                && isUdpPort(e)) {
            udp(e, c2s, e.payload());
            return;
        }
        String key = e.client() + ">" + e.server();
        long[] s = seq.get(key);
        if (s == null) {
            s = new long[] {1000, 5000};
            seq.put(key, s);
            tcp(e, true, 0x02, new byte[0], s); // SYN
            s[0]++;
            tcp(e, false, 0x12, new byte[0], s); // SYN, ACK
            s[1]++;
            tcp(e, true, 0x10, new byte[0], s); // ACK
        }
        lastOf.put(key, e);
        byte[] payload = e.payload();
        byte[] framed;
        if (e.layer() == Layer.NBSS) {
            framed = payload;
        } else {
            framed = new byte[payload.length + 4];
            framed[1] = (byte) (payload.length >> 16);
            framed[2] = (byte) (payload.length >> 8);
            framed[3] = (byte) payload.length;
            System.arraycopy(payload, 0, framed, 4, payload.length);
        }
        tcp(e, c2s, 0x18, framed, s);
    }

    private static boolean isUdpPort(Exchange e) {
        return e.server().port() == 88;
    }

    private void tcp(Exchange e, boolean c2s, int flags, byte[] payload, long[] s) throws IOException {
        ByteBuffer t = ByteBuffer.allocate(20 + payload.length).order(ByteOrder.BIG_ENDIAN);
        Endpoint src = c2s ? e.client() : e.server();
        Endpoint dst = c2s ? e.server() : e.client();
        long mine = c2s ? s[0] : s[1];
        long theirs = c2s ? s[1] : s[0];
        t.putShort((short) src.port()).putShort((short) dst.port()).putInt((int) mine)
                .putInt((flags & 0x10) != 0 ? (int) theirs : 0).put((byte) 0x50).put((byte) flags)
                .putShort((short) 0xFFFF).putShort((short) 0).putShort((short) 0).put(payload);
        if (c2s) {
            s[0] += payload.length + ((flags & 0x01) != 0 ? 1 : 0);
        } else {
            s[1] += payload.length + ((flags & 0x01) != 0 ? 1 : 0);
        }
        ip(e, c2s, 6, t.array());
    }

    private void udp(Exchange e, boolean c2s, byte[] payload) throws IOException {
        Endpoint src = c2s ? e.client() : e.server();
        Endpoint dst = c2s ? e.server() : e.client();
        ByteBuffer u = ByteBuffer.allocate(8 + payload.length).order(ByteOrder.BIG_ENDIAN);
        u.putShort((short) src.port()).putShort((short) dst.port()).putShort((short) (8 + payload.length))
                .putShort((short) 0).put(payload);
        ip(e, c2s, 17, u.array());
    }

    private void ip(Exchange e, boolean c2s, int protocol, byte[] segment) throws IOException {
        InetAddress client = concrete(e.client().address(), e.server().address());
        InetAddress server = concrete(e.server().address(), e.client().address());
        InetAddress src = c2s ? client : server;
        InetAddress dst = c2s ? server : client;
        byte[] packet;
        if (src instanceof Inet4Address && dst instanceof Inet4Address) {
            ByteBuffer p = ByteBuffer.allocate(20 + segment.length).order(ByteOrder.BIG_ENDIAN);
            p.put((byte) 0x45).put((byte) 0).putShort((short) (20 + segment.length)).putShort((short) 0)
                    .putShort((short) 0x4000).put((byte) 64).put((byte) protocol).putShort((short) 0)
                    .put(src.getAddress()).put(dst.getAddress());
            byte[] a = p.array();
            int sum = 0;
            for (int i = 0; i < 20; i += 2) {
                sum += ((a[i] & 0xFF) << 8) | (a[i + 1] & 0xFF);
            }
            sum = (sum & 0xFFFF) + (sum >>> 16);
            sum = (sum & 0xFFFF) + (sum >>> 16);
            p.putShort(10, (short) ~sum);
            p.position(20);
            p.put(segment);
            packet = p.array();
        } else {
            ByteBuffer p = ByteBuffer.allocate(40 + segment.length).order(ByteOrder.BIG_ENDIAN);
            p.putInt(0x60000000).putShort((short) segment.length).put((byte) protocol).put((byte) 64)
                    .put(v6(src)).put(v6(dst)).put(segment);
            packet = p.array();
        }
        long micros = e.time().getEpochSecond() * 1_000_000L + e.time().getNano() / 1000;
        ByteBuffer r = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        r.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(packet.length).putInt(packet.length);
        out.write(r.array());
        out.write(packet);
    }

    /** A wildcard address becomes loopback of the peer's family. */
    private static InetAddress concrete(InetAddress a, InetAddress peer) {
        if (!a.isAnyLocalAddress()) {
            return a;
        }
        byte[] loopback = new byte[peer instanceof Inet4Address ? 4 : 16];
        if (loopback.length == 4) {
            loopback[0] = 127;
        }
        loopback[loopback.length - 1] = 1;
        try {
            return InetAddress.getByAddress(loopback);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] v6(InetAddress a) {
        if (a instanceof Inet6Address) {
            return a.getAddress();
        }
        byte[] m = new byte[16];
        m[10] = (byte) 0xFF;
        m[11] = (byte) 0xFF;
        System.arraycopy(a.getAddress(), 0, m, 12, 4);
        return m;
    }
}
