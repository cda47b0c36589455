package org.smbscope.trace.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smbscope.trace.capture.CaptureReader;
import org.smbscope.trace.capture.CapturedPacket;

/**
 * The shared captures (Ethernet, made by real Samba clients and servers) rewritten to every other
 * link type, and to IPv6 with extension headers, the way other capture setups would have recorded
 * them; each decodes to the same exchanges as the original.
 */
class RelinkedCapturesTest {
    private static final List<String> CAPTURES = List.of("b_smb3_default.pcapng", "h_port139_nbss.pcapng",
            "g_nmblookup.pcapng", "a_smb1_nt1.pcapng", "krb-by-name.pcapng");

    private record Link(String name, int linkType, UnaryOperator<byte[]> wrap, boolean ipv6) {
    }

    private static final List<Link> LINKS = List.of(
            new Link("802.1Q", 1, ip -> cat(new byte[12], be16(0x8100), be16(5), be16(etherType(ip)), ip), false),
            new Link("linux cooked v1", 113, ip -> cat(be16(0), be16(772), be16(0), new byte[8], be16(etherType(ip)), ip), false),
            new Link("linux cooked v2", 276, ip -> cat(be16(etherType(ip)), be16(0), new byte[] {0, 0, 0, 1}, be16(772),
                    new byte[] {0, 0}, new byte[8], ip), false),
            new Link("bsd null", 0, ip -> cat(le32(ip[0] >> 4 == 4 ? 2 : 30), ip), false),
            new Link("openbsd loop", 108, ip -> cat(be32(ip[0] >> 4 == 4 ? 2 : 24), ip), false),
            new Link("raw ip", 101, ip -> ip, false),
            new Link("raw ip dlt 12", 12, ip -> ip, false),
            new Link("raw ipv6 with extension headers", 101, RelinkedCapturesTest::toIpv6, true),
            new Link("linux cooked v2 ipv6", 276, ip -> {
                byte[] v6 = toIpv6(ip);
                return cat(be16(0x86DD), be16(0), new byte[] {0, 0, 0, 1}, be16(772), new byte[] {0, 0}, new byte[8], v6);
            }, true));

    static Stream<Arguments> cases() {
        return CAPTURES.stream().flatMap(c -> LINKS.stream().map(l -> Arguments.of(c, l.name())));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void relinkedCaptureDecodesToTheSameExchanges(String capture, String linkName) throws Exception {
        Link link = LINKS.stream().filter(l -> l.name().equals(linkName)).findFirst().orElseThrow();
        byte[] original;
        try (InputStream in = RelinkedCapturesTest.class.getResourceAsStream("/captures/" + capture)) {
            original = in.readAllBytes();
        }
        List<String> expected = shape(original, link.ipv6());
        assertThat(expected).isNotEmpty();
        assertThat(shape(relink(original, link), link.ipv6())).isEqualTo(expected);
    }

    private static List<String> shape(byte[] capture, boolean portsOnly) throws Exception {
        List<String> out = new ArrayList<>();
        try (CaptureExchanges x = new CaptureExchanges(CaptureReader.open(new ByteArrayInputStream(capture)),
                CaptureExchanges.Limits.DEFAULT)) {
            for (Exchange e; (e = x.next()) != null; ) {
                String ends = portsOnly ? e.client().port() + ">" + e.server().port() : e.client() + ">" + e.server();
                out.add(e.frame() + " " + e.layer() + " " + e.direction() + " " + ends + " "
                        + HexFormat.of().formatHex(e.payload()));
            }
        }
        return out;
    }

    /** Every Ethernet frame's IP packet, wrapped in the other link layer; other frames dropped (numbers kept by a stub). */
    private static byte[] relink(byte[] capture, Link link) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xA1B23C4D).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(link.linkType());
        out.write(h.array());
        try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(capture))) {
            for (CapturedPacket p; (p = r.next()) != null; ) {
                byte[] d = p.data();
                int type = ((d[12] & 0xFF) << 8) | (d[13] & 0xFF);
                byte[] frame = type == 0x0800 || type == 0x86DD
                        ? link.wrap().apply(Arrays.copyOfRange(d, 14, d.length))
                        : new byte[0]; // keeps frame numbering; dissects to nothing
                ByteBuffer rh = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
                rh.putInt((int) p.time().getEpochSecond()).putInt(p.time().getNano()).putInt(frame.length).putInt(frame.length);
                out.write(rh.array());
                out.write(frame);
            }
        }
        return out.toByteArray();
    }

    /** An IPv4 packet as IPv6 (2001:db8::a.b.c.d) with a hop-by-hop and a destination-options header. */
    private static byte[] toIpv6(byte[] v4) {
        int ihl = (v4[0] & 0x0F) * 4;
        int total = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
        int end = total == 0 ? v4.length : Math.min(total, v4.length);
        byte[] l4 = Arrays.copyOfRange(v4, ihl, end);
        int proto = v4[9] & 0xFF;
        byte[] ext = cat(new byte[] {60, 0, 1, 4, 0, 0, 0, 0}, new byte[] {(byte) proto, 0, 1, 4, 0, 0, 0, 0});
        byte[] fixed = cat(be32(0x60000000), be16(ext.length + l4.length), new byte[] {0, 64},
                v6(v4, 12), v6(v4, 16));
        return cat(fixed, ext, l4);
    }

    private static byte[] v6(byte[] v4, int at) {
        byte[] a = new byte[16];
        a[0] = 0x20;
        a[1] = 0x01;
        a[2] = 0x0d;
        a[3] = (byte) 0xb8;
        System.arraycopy(v4, at, a, 12, 4);
        return a;
    }

    private static int etherType(byte[] ip) {
        return (ip[0] & 0xF0) == 0x40 ? 0x0800 : 0x86DD;
    }

    private static byte[] cat(byte[]... parts) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            b.writeBytes(p);
        }
        return b.toByteArray();
    }

    private static byte[] be16(int v) {
        return new byte[] {(byte) (v >> 8), (byte) v};
    }

    private static byte[] be32(int v) {
        return new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v};
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }
}
