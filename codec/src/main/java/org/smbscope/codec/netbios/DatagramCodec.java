package org.smbscope.codec.netbios;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** Encoder and decoder of datagram service packets, RFC 1002 4.4. */
final class DatagramCodec {
    private DatagramCodec() {
    }

    static DatagramPacket decode(byte[] packet) throws NetbiosDecodeException {
        WireReader r = WireReader.of(packet, NetbiosDecodeException.errors(NetbiosDecodeException.NBDS));
        try {
            DatagramHeader h = new DatagramHeader(DatagramType.of(r.u8("MSG_TYPE")), DatagramFlags.of(r.u8("FLAGS")),
                    r.u16be("DGM_ID"), Ipv4.of(r.bytes("SOURCE_IP", 4)), r.u16be("SOURCE_PORT"));
            DatagramPacket p;
            int type = h.type().value();
            if (h.type().isData()) {
                int length = r.u16be("DGM_LENGTH");
                int offset = r.u16be("PACKET_OFFSET");
                WireReader body = r.window("DGM_LENGTH", length);
                NetbiosName source = NameCodec.read(body, null, "SOURCE_NAME");
                NetbiosName destination = NameCodec.read(body, null, "DESTINATION_NAME");
                p = new DirectDatagram(h, offset, source, destination, body.rest());
            } else if (type == 0x13) {
                p = new DatagramErrorPacket(h, DatagramErrorCode.of(r.u8("ERROR_CODE")));
            } else if (h.type().isQuery()) {
                p = new DatagramQuery(h, NameCodec.read(r, null, "DESTINATION_NAME"));
            } else {
                p = new UnknownDatagram(h, r.rest());
            }
            r.expectEnd("NBDS packet");
            return p;
        } catch (DecodeException e) {
            throw NetbiosDecodeException.of(e);
        }
    }

    static byte[] encode(DatagramPacket p) {
        WireWriter w = new WireWriter(64);
        DatagramHeader h = p.header();
        w.u8(h.type().value()).u8(h.flags().value()).u16be(h.datagramId()).bytes(h.sourceIp().getAddress())
                .u16be(h.sourcePort());
        switch (p) {
            case DirectDatagram d -> {
                byte[] src = d.source().encode();
                byte[] dst = d.destination().encode();
                byte[] data = d.userDataUnsafe();
                w.u16be(src.length + dst.length + data.length).u16be(d.packetOffset());
                w.bytes(src).bytes(dst).bytes(data);
            }
            case DatagramErrorPacket e -> w.u8(e.error().value());
            case DatagramQuery q -> w.bytes(q.destination().encode());
            case UnknownDatagram u -> w.bytes(u.bodyUnsafe());
        }
        return w.toByteArray();
    }
}
