package org.smbscope.trace.capture;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;

/**
 * Link layer (Ethernet with VLAN tags, Linux cooked SLL and SLL2, raw IP, BSD loopback) to IPv4
 * or IPv6 to TCP or UDP. Non-IP frames and other protocols yield nothing; IP fragments other
 * than the first are skipped (SMB runs over TCP; NetBIOS datagrams are small).
 */
public final class PacketDissector {
    static final int LINKTYPE_NULL = 0;
    static final int LINKTYPE_ETHERNET = 1;
    static final int LINKTYPE_RAW = 101;
    /** DLT_RAW as some platforms number it in classic pcap headers (12 on most BSDs, 14 on OpenBSD). */
    static final int DLT_RAW_12 = 12;
    static final int DLT_RAW_14 = 14;
    /** OpenBSD loopback: like NULL but the family is in network byte order. */
    static final int LINKTYPE_LOOP = 108;
    static final int LINKTYPE_LINUX_SLL = 113;
    static final int LINKTYPE_LINUX_SLL2 = 276;
    static final int LINKTYPE_IPV4 = 228;
    static final int LINKTYPE_IPV6 = 229;

    private PacketDissector() {
    }

    /** The TCP or UDP segment in a frame, if it carries one. */
    public static Optional<Segment> dissect(CapturedPacket p) throws CaptureDecodeException {
        try {
            WireReader r = WireReader.of(p.bytes(), p.offset(), p.length(), CaptureDecodeException::new);
            int etherType;
            switch (p.linkType()) {
                case LINKTYPE_ETHERNET -> {
                    r.skip("ethernet addresses", 12);
                    etherType = r.u16be("ethertype");
                    while (etherType == 0x8100 || etherType == 0x88A8) {
                        r.skip("vlan tag", 2);
                        etherType = r.u16be("ethertype");
                    }
                }
                case LINKTYPE_LINUX_SLL -> {
                    r.skip("sll header", 14);
                    etherType = r.u16be("protocol");
                }
                case LINKTYPE_LINUX_SLL2 -> {
                    etherType = r.u16be("protocol");
                    r.skip("sll2 header", 18);
                }
                case LINKTYPE_NULL, LINKTYPE_LOOP -> {
                    // NULL: the host's byte order, which the file does not say; LOOP: network order
                    long le = r.u32le("family");
                    long family = p.linkType() == LINKTYPE_LOOP || le > 0xFFFF ? Long.reverseBytes(le) >>> 32 : le;
                    etherType = family == 2 ? 0x0800 : (family == 10 || family == 24 || family == 28 || family == 30) ? 0x86DD : -1;
                }
                case LINKTYPE_RAW, LINKTYPE_IPV4, LINKTYPE_IPV6, DLT_RAW_12, DLT_RAW_14 -> {
                    int v = r.peekU8("ip version") >> 4;
                    etherType = v == 4 ? 0x0800 : v == 6 ? 0x86DD : -1;
                }
                default -> {
                    return Optional.empty();
                }
            }
            return switch (etherType) {
                case 0x0800 -> ipv4(p, r);
                case 0x86DD -> ipv6(p, r);
                default -> Optional.empty();
            };
        } catch (CaptureDecodeException e) {
            throw e;
        } catch (DecodeException e) {
            throw new CaptureDecodeException(e.field(), e.offset(), e.detail());
        }
    }

    private static Optional<Segment> ipv4(CapturedPacket p, WireReader r) throws DecodeException {
        int vihl = r.u8("ip version/ihl");
        int ihl = (vihl & 0x0F) * 4;
        if (vihl >> 4 != 4 || ihl < 20) {
            throw r.fail("ip header length", "bad IPv4 header");
        }
        r.skip("tos", 1);
        int total = r.u16be("ip total length");
        r.skip("id", 2);
        int frag = r.u16be("flags/fragment offset");
        r.skip("ttl", 1);
        int proto = r.u8("protocol");
        r.skip("checksum", 2);
        InetAddress src = addr(r.bytes("source address", 4));
        InetAddress dst = addr(r.bytes("destination address", 4));
        r.skip("ip options", ihl - 20);
        if ((frag & 0x1FFF) != 0) {
            return Optional.empty();
        }
        // total length 0 is seen with TSO captures; otherwise trust it but never beyond the frame
        int payload = total == 0 ? r.remaining() : Math.min(total - ihl, r.remaining());
        if (payload < 0) {
            throw r.fail("ip total length", "total length " + total + " shorter than header");
        }
        return l4(p, r.window("ip payload", payload), proto, src, dst);
    }

    private static Optional<Segment> ipv6(CapturedPacket p, WireReader r) throws DecodeException {
        r.skip("version/class/flow", 4);
        int len = r.u16be("payload length");
        int next = r.u8("next header");
        r.skip("hop limit", 1);
        InetAddress src = addr(r.bytes("source address", 16));
        InetAddress dst = addr(r.bytes("destination address", 16));
        WireReader w = r.window("ipv6 payload", Math.min(len == 0 ? r.remaining() : len, r.remaining()));
        // extension headers (RFC 8200 4): hop-by-hop, routing, fragment, AH, destination options;
        // at most 8 of them, each bounded by the payload window
        for (int hops = 0; hops < 8 && isExtension(next); hops++) {
            int header = next;
            next = w.u8("extension next header");
            int extLen = w.u8("extension length");
            if (header == 44) { // fragment header: fixed 8 bytes; only the first fragment carries the L4 header
                int offsetFlags = w.u16be("fragment offset");
                w.skip("fragment identification", 4);
                if ((offsetFlags & 0xFFF8) != 0) {
                    return Optional.empty();
                }
            } else if (header == 51) { // AH: length in 4-byte units, minus 2
                w.skip("authentication header", (extLen + 2) * 4 - 2);
            } else {
                w.skip("extension header", 6 + extLen * 8);
            }
        }
        return l4(p, w, next, src, dst);
    }

    private static boolean isExtension(int next) {
        return next == 0 || next == 43 || next == 44 || next == 51 || next == 60;
    }

    private static Optional<Segment> l4(CapturedPacket p, WireReader r, int proto, InetAddress src, InetAddress dst)
            throws DecodeException {
        if (proto == 6) {
            int sport = r.u16be("tcp source port");
            int dport = r.u16be("tcp destination port");
            long seq = r.u32be("sequence number");
            r.skip("ack number", 4);
            int off = (r.u8("data offset") >> 4) * 4;
            int flags = r.u8("tcp flags");
            if (off < 20) {
                throw r.fail("data offset", "TCP header shorter than 20 bytes");
            }
            r.skip("tcp rest of header", off - 14);
            return Optional.of(new Segment(p.number(), p.time(), Segment.Transport.TCP, new Endpoint(src, sport),
                    new Endpoint(dst, dport), flags, seq, p.bytes(), p.offset() + r.offset(), r.remaining()));
        }
        if (proto == 17) {
            int sport = r.u16be("udp source port");
            int dport = r.u16be("udp destination port");
            int len = r.u16be("udp length");
            r.skip("udp checksum", 2);
            if (len < 8) {
                throw r.fail("udp length", "UDP length " + len + " shorter than its header");
            }
            byte[] payload = r.bytes("udp payload", Math.min(len - 8, r.remaining()));
            return Optional.of(new Segment(p.number(), p.time(), Segment.Transport.UDP, new Endpoint(src, sport),
                    new Endpoint(dst, dport), 0, 0, payload));
        }
        return Optional.empty();
    }

    private static InetAddress addr(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
