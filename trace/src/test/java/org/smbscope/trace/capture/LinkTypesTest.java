package org.smbscope.trace.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every link type and IP version the dissector knows, each as a small capture written here in
 * both pcap and pcapng, read back and dissected to the same TCP segment.
 */
class LinkTypesTest {
    private static final byte[] SMB = {0, 0, 0, 4, (byte) 0xFE, 'S', 'M', 'B'};

    static Stream<Arguments> frames() {
        return Stream.of(
                Arguments.of("ethernet", 1, ethernet(0x0800, ipv4()), 4),
                Arguments.of("ethernet ipv6", 1, ethernet(0x86DD, ipv6(false)), 6),
                Arguments.of("ethernet 802.1Q", 1, vlan(ipv4()), 4),
                Arguments.of("linux cooked v1", 113, sll(0x0800, ipv4()), 4),
                Arguments.of("linux cooked v1 ipv6", 113, sll(0x86DD, ipv6(false)), 6),
                Arguments.of("linux cooked v2", 276, sll2(0x0800, ipv4()), 4),
                Arguments.of("linux cooked v2 ipv6", 276, sll2(0x86DD, ipv6(true)), 6),
                Arguments.of("bsd null, host order", 0, nul(2, ByteOrder.LITTLE_ENDIAN, ipv4()), 4),
                Arguments.of("bsd null, other order", 0, nul(2, ByteOrder.BIG_ENDIAN, ipv4()), 4),
                Arguments.of("bsd null ipv6", 0, nul(30, ByteOrder.LITTLE_ENDIAN, ipv6(false)), 6),
                Arguments.of("openbsd loop", 108, nul(2, ByteOrder.BIG_ENDIAN, ipv4()), 4),
                Arguments.of("openbsd loop ipv6", 108, nul(24, ByteOrder.BIG_ENDIAN, ipv6(true)), 6),
                Arguments.of("raw ip 101", 101, ipv4(), 4),
                Arguments.of("raw ip 101 ipv6 with extension headers", 101, ipv6(true), 6),
                Arguments.of("raw ip dlt 12", 12, ipv4(), 4),
                Arguments.of("raw ip dlt 14", 14, ipv6(false), 6),
                Arguments.of("ipv4 228", 228, ipv4(), 4),
                Arguments.of("ipv6 229", 229, ipv6(true), 6));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void pcapAndPcapngDissectToTheSameSegment(String name, int linkType, byte[] frame, int ipVersion) throws Exception {
        for (byte[] file : new byte[][] {pcap(linkType, frame), pcapng(linkType, frame)}) {
            try (CaptureReader r = CaptureReader.open(new ByteArrayInputStream(file))) {
                CapturedPacket p = r.next();
                assertThat(p.linkType()).isEqualTo(linkType);
                Optional<Segment> s = PacketDissector.dissect(p);
                assertThat(s).as(name).isPresent();
                Segment seg = s.get();
                assertThat(seg.transport()).isEqualTo(Segment.Transport.TCP);
                assertThat(seg.source().port()).isEqualTo(50000);
                assertThat(seg.destination().port()).isEqualTo(445);
                assertThat(seg.seq()).isEqualTo(0x01020304L);
                assertThat(seg.payload()).isEqualTo(SMB);
                assertThat(seg.source().address().getAddress()).hasSize(ipVersion == 4 ? 4 : 16);
                assertThat(seg.destination().address())
                        .isEqualTo(InetAddress.getByName(ipVersion == 4 ? "192.0.2.2" : "2001:db8::2"));
                assertThat(r.next()).isNull();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("frames")
    void laterIpv6FragmentsAndTruncatedFramesAreNotGuessed(String name, int linkType, byte[] frame, int ipVersion)
            throws Exception {
        for (int cut = 0; cut < frame.length; cut += 7) { // every truncation is a decode error or nothing, never a throw of another kind
            byte[] part = java.util.Arrays.copyOf(frame, cut);
            try {
                Optional<Segment> s = PacketDissector.dissect(new CapturedPacket(1, java.time.Instant.EPOCH, linkType, part, part.length));
                s.ifPresent(seg -> assertThat(seg.payload().length).isLessThanOrEqualTo(SMB.length));
            } catch (CaptureDecodeException expected) {
                // fine
            }
        }
    }

    private static byte[] tcp() {
        ByteBuffer b = ByteBuffer.allocate(20 + SMB.length);
        b.putShort((short) 50000).putShort((short) 445).putInt(0x01020304).putInt(0);
        b.put((byte) 0x50).put((byte) 0x18).putShort((short) 512).putShort((short) 0).putShort((short) 0);
        b.put(SMB);
        return b.array();
    }

    static byte[] ipv4() {
        byte[] t = tcp();
        ByteBuffer b = ByteBuffer.allocate(20 + t.length);
        b.put((byte) 0x45).put((byte) 0).putShort((short) (20 + t.length)).putShort((short) 1).putShort((short) 0x4000);
        b.put((byte) 64).put((byte) 6).putShort((short) 0);
        b.put(new byte[] {(byte) 192, 0, 2, 1}).put(new byte[] {(byte) 192, 0, 2, 2});
        b.put(t);
        return b.array();
    }

    /** IPv6, optionally with a hop-by-hop, a destination-options and a (first) fragment header. */
    static byte[] ipv6(boolean extensions) {
        byte[] t = tcp();
        ByteArrayOutputStream ext = new ByteArrayOutputStream();
        int first = 6;
        if (extensions) {
            first = 0;
            ext.writeBytes(new byte[] {60, 0, 1, 4, 0, 0, 0, 0}); // hop-by-hop -> dest opts, PadN
            ext.writeBytes(new byte[] {44, 1, 1, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}); // dest opts (16 bytes) -> fragment
            ext.writeBytes(new byte[] {6, 0, 0, 1, 0, 0, 0, 42}); // fragment: offset 0, more fragments -> TCP
        }
        byte[] e = ext.toByteArray();
        ByteBuffer b = ByteBuffer.allocate(40 + e.length + t.length);
        b.putInt(0x60000000).putShort((short) (e.length + t.length)).put((byte) first).put((byte) 64);
        b.put(v6(1)).put(v6(2)).put(e).put(t);
        return b.array();
    }

    private static byte[] v6(int last) {
        byte[] a = new byte[16];
        a[0] = 0x20;
        a[1] = 0x01;
        a[2] = 0x0d;
        a[3] = (byte) 0xb8;
        a[15] = (byte) last;
        return a;
    }

    static byte[] ethernet(int type, byte[] ip) {
        ByteBuffer b = ByteBuffer.allocate(14 + ip.length);
        b.put(new byte[12]).putShort((short) type).put(ip);
        return b.array();
    }

    static byte[] vlan(byte[] ip) {
        ByteBuffer b = ByteBuffer.allocate(22 + ip.length);
        b.put(new byte[12]).putShort((short) 0x88A8).putShort((short) 100).putShort((short) 0x8100).putShort((short) 7)
                .putShort((short) 0x0800).put(ip);
        return b.array();
    }

    static byte[] sll(int protocol, byte[] ip) {
        ByteBuffer b = ByteBuffer.allocate(16 + ip.length);
        b.putShort((short) 0).putShort((short) 772).putShort((short) 6).put(new byte[8]).putShort((short) protocol).put(ip);
        return b.array();
    }

    static byte[] sll2(int protocol, byte[] ip) {
        ByteBuffer b = ByteBuffer.allocate(20 + ip.length);
        b.putShort((short) protocol).putShort((short) 0).putInt(1).putShort((short) 772).put((byte) 0).put((byte) 6)
                .put(new byte[8]).put(ip);
        return b.array();
    }

    static byte[] nul(int family, ByteOrder order, byte[] ip) {
        ByteBuffer b = ByteBuffer.allocate(4 + ip.length).order(order);
        b.putInt(family).put(ip);
        return b.array();
    }

    static byte[] pcap(int linkType, byte[]... frames) {
        ByteBuffer b = ByteBuffer.allocate(24 + java.util.Arrays.stream(frames).mapToInt(f -> 16 + f.length).sum())
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0xA1B2C3D4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(linkType);
        int sec = 1_700_000_000;
        for (byte[] f : frames) {
            b.putInt(sec++).putInt(0).putInt(f.length).putInt(f.length).put(f);
        }
        return b.array();
    }

    static byte[] pcapng(int linkType, byte[] frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer shb = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        shb.putInt(0x0A0D0D0A).putInt(28).putInt(0x1A2B3C4D).putShort((short) 1).putShort((short) 0).putLong(-1).putInt(28);
        out.writeBytes(shb.array());
        ByteBuffer idb = ByteBuffer.allocate(20).order(ByteOrder.LITTLE_ENDIAN);
        idb.putInt(1).putInt(20).putShort((short) linkType).putShort((short) 0).putInt(65535).putInt(20);
        out.writeBytes(idb.array());
        int padded = (frame.length + 3) & ~3;
        int total = 32 + padded;
        ByteBuffer epb = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        epb.putInt(6).putInt(total).putInt(0).putInt(0).putInt(1_000_000).putInt(frame.length).putInt(frame.length)
                .put(frame).put(new byte[padded - frame.length]).putInt(total);
        out.writeBytes(epb.array());
        return out.toByteArray();
    }
}
