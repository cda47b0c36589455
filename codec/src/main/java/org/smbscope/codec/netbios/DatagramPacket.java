package org.smbscope.codec.netbios;

import org.smbscope.codec.wire.Described;

/**
 * A NetBIOS datagram service packet (UDP 138), RFC 1002 4.4: a data datagram (direct unique,
 * direct group, broadcast), an error, a query request or response, or an unknown type kept as
 * bytes. Names in datagrams are never compressed.
 */
public sealed interface DatagramPacket extends Described
        permits DirectDatagram, DatagramErrorPacket, DatagramQuery, UnknownDatagram {

    DatagramHeader header();

    default DatagramType type() {
        return header().type();
    }

    /** Decodes one datagram service packet. */
    static DatagramPacket decode(byte[] packet) throws NetbiosDecodeException {
        return DatagramCodec.decode(packet);
    }

    /** The wire form. */
    default byte[] encode() {
        return DatagramCodec.encode(this);
    }
}
