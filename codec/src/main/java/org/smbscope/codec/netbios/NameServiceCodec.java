package org.smbscope.codec.netbios;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** Encoder and decoder of name service packets, RFC 1002 4.2.1. */
final class NameServiceCodec {
    static final int HEADER_LENGTH = 12;
    /** Smallest question: a 2-byte name pointer, type and class. */
    static final int MIN_QUESTION = 2 + 4;
    /** Smallest resource record: a 2-byte name pointer, type, class, TTL, RDLENGTH. */
    static final int MIN_RECORD = 2 + 10;
    static final int NODE_NAME_LENGTH = 18;

    private NameServiceCodec() {
    }

    static NameServicePacket decode(byte[] packet) throws NetbiosDecodeException {
        WireReader r = WireReader.of(packet, NetbiosDecodeException.errors(NetbiosDecodeException.NBNS));
        try {
            return decode(r);
        } catch (DecodeException e) {
            throw NetbiosDecodeException.of(e);
        }
    }

    private static NameServicePacket decode(WireReader r) throws DecodeException {
        int id = r.u16be("NAME_TRN_ID");
        int flags = r.u16be("Flags");
        int qd = r.u16be("QDCOUNT");
        int an = r.u16be("ANCOUNT");
        int ns = r.u16be("NSCOUNT");
        int ar = r.u16be("ARCOUNT");
        long needed = (long) qd * MIN_QUESTION + (long) (an + ns + ar) * MIN_RECORD;
        if (needed > r.remaining()) {
            throw r.failAt("QDCOUNT", 4, "counts " + qd + "/" + an + "/" + ns + "/" + ar + " need at least "
                    + needed + " bytes, " + r.remaining() + " left");
        }
        boolean response = (flags & 0x8000) != 0;
        NameServiceOpcode opcode = NameServiceOpcode.of(flags >> 11);
        EnumSet<NmFlag> nm = EnumSet.noneOf(NmFlag.class);
        for (NmFlag f : NmFlag.values()) {
            if ((flags & f.mask()) != 0) {
                nm.add(f);
            }
        }
        NameServiceRcode rcode = NameServiceRcode.of(flags);
        List<Question> questions = new ArrayList<>(qd);
        for (int i = 0; i < qd; i++) {
            NetbiosName name = NameCodec.read(r, r, "QUESTION_NAME");
            RrType type = RrType.of(r.u16be("QUESTION_TYPE"));
            int cls = r.u16be("QUESTION_CLASS");
            questions.add(new Question(name, type, cls));
        }
        List<ResourceRecord> answers = records(r, an, opcode, "Answer");
        List<ResourceRecord> authorities = records(r, ns, opcode, "Authority");
        List<ResourceRecord> additionals = records(r, ar, opcode, "Additional");
        r.expectEnd("NBNS packet");
        return new NameServicePacket(id, response, opcode, nm, rcode, questions, answers, authorities, additionals);
    }

    private static List<ResourceRecord> records(WireReader r, int count, NameServiceOpcode opcode, String section)
            throws DecodeException {
        List<ResourceRecord> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            NetbiosName name = NameCodec.read(r, r, section + " RR_NAME");
            RrType type = RrType.of(r.u16be("RR_TYPE"));
            int cls = r.u16be("RR_CLASS");
            long ttl = r.u32be("TTL");
            int rdlength = r.u16be("RDLENGTH");
            WireReader rd = r.window("RDATA", rdlength);
            out.add(new ResourceRecord(name, type, cls, ttl, rdata(rd, type, opcode)));
        }
        return out;
    }

    private static RData rdata(WireReader rd, RrType type, NameServiceOpcode opcode) throws DecodeException {
        int len = rd.length();
        if (opcode.equals(NameServiceOpcode.WACK) && len == 2) {
            return new WackRData(rd.u16be("RDATA (request flags)"));
        }
        switch (type.value()) {
            case 0x0020 -> {
                if (len % 6 != 0) {
                    throw rd.fail("NB RDATA", "RDLENGTH " + len + " is not a multiple of 6");
                }
                List<NbAddress> entries = new ArrayList<>(len / 6);
                while (rd.hasRemaining()) {
                    int f = rd.u16be("NB_FLAGS");
                    entries.add(NbAddress.fromFlags(f, Ipv4.of(rd.bytes("NB_ADDRESS", 4))));
                }
                return new NbRData(entries);
            }
            case 0x0021 -> {
                int count = rd.u8("NUM_NAMES");
                if ((long) count * NODE_NAME_LENGTH > rd.remaining()) {
                    throw rd.fail("NUM_NAMES", count + " names need " + count * NODE_NAME_LENGTH + " bytes, "
                            + rd.remaining() + " left");
                }
                List<NodeName> names = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    byte[] raw = rd.bytes("NODE_NAME", 16);
                    int f = rd.u16be("NAME_FLAGS");
                    names.add(NodeName.fromFlags(NameCodec.fromRaw(raw, 0, ""), f));
                }
                return new NodeStatusRData(names, rd.rest());
            }
            case 0x0001 -> {
                if (len == 4) {
                    return new AddressRData(Ipv4.of(rd.bytes("A RDATA", 4)));
                }
                return new RawRData(rd.rest());
            }
            default -> {
                return new RawRData(rd.rest());
            }
        }
    }

    static byte[] encode(NameServicePacket p) {
        WireWriter w = new WireWriter(128);
        w.u16be(p.transactionId());
        w.u16be(p.flagsWord());
        w.u16be(p.questions().size());
        w.u16be(p.answers().size());
        w.u16be(p.authorities().size());
        w.u16be(p.additionals().size());
        NameCodec.Compressor names = new NameCodec.Compressor();
        for (Question q : p.questions()) {
            names.write(w, q.name());
            w.u16be(q.type().value());
            w.u16be(q.questionClass());
        }
        for (List<ResourceRecord> section : List.of(p.answers(), p.authorities(), p.additionals())) {
            for (ResourceRecord rr : section) {
                names.write(w, rr.name());
                w.u16be(rr.type().value());
                w.u16be(rr.rrClass());
                w.u32be(rr.ttl());
                int rdlength = rdataLength(rr.data());
                if (rdlength > 0xFFFF) {
                    throw new IllegalArgumentException("RDATA longer than 65535 bytes");
                }
                w.u16be(rdlength);
                writeRData(w, rr.data());
            }
        }
        return w.toByteArray();
    }

    static int rdataLength(RData data) {
        return switch (data) {
            case NbRData nb -> nb.entries().size() * 6;
            case NodeStatusRData ns -> 1 + ns.names().size() * NODE_NAME_LENGTH + ns.statisticsLength();
            case WackRData ignored -> 2;
            case AddressRData ignored -> 4;
            case RawRData raw -> raw.length();
        };
    }

    private static void writeRData(WireWriter w, RData data) {
        switch (data) {
            case NbRData nb -> {
                for (NbAddress a : nb.entries()) {
                    w.u16be(a.flags());
                    w.bytes(a.address().getAddress());
                }
            }
            case NodeStatusRData ns -> {
                w.u8(ns.names().size());
                for (NodeName n : ns.names()) {
                    w.bytes(n.name().rawBytes());
                    w.u16be(n.flags());
                }
                w.bytes(ns.statisticsUnsafe());
            }
            case WackRData wack -> w.u16be(wack.requestFlags());
            case AddressRData a -> w.bytes(a.address().getAddress());
            case RawRData raw -> w.bytes(raw.bytesUnsafe());
        }
    }
}
