package org.smbscope.codec.netbios;

import java.net.Inet4Address;
import java.util.Arrays;
import java.util.Objects;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.Hex;

/**
 * DIRECT_UNIQUE, DIRECT_GROUP and BROADCAST DATAGRAM, RFC 1002 4.4.2: header, DGM_LENGTH (bytes
 * after PACKET_OFFSET, computed on encode), PACKET_OFFSET (of this fragment's data), SOURCE_NAME,
 * DESTINATION_NAME and the opaque USER_DATA (usually an SMB TRANSACTION mailslot message; see
 * {@link org.smbscope.codec.netbios.browse.BrowserMessages}).
 */
public record DirectDatagram(DatagramHeader header, int packetOffset, NetbiosName source,
        NetbiosName destination, byte[] userData) implements DatagramPacket {
    public DirectDatagram {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        if (!header.type().isData()) {
            throw new IllegalArgumentException("not a data datagram type: " + header.type());
        }
        if (packetOffset < 0 || packetOffset > 0xFFFF) {
            throw new IllegalArgumentException("packet offset must be 16 bits");
        }
        userData = userData.clone();
        if (source.encode().length + destination.encode().length + userData.length > 0xFFFF) {
            throw new IllegalArgumentException("datagram too long");
        }
    }

    /** An unfragmented datagram of this type (0x10, 0x11 or 0x12). */
    public static DirectDatagram of(DatagramType type, DatagramNodeType nodeType, int datagramId,
            Inet4Address sourceIp, int sourcePort, NetbiosName source, NetbiosName destination, byte[] userData) {
        return new DirectDatagram(new DatagramHeader(type, DatagramFlags.unfragmented(nodeType), datagramId,
                sourceIp, sourcePort), 0, source, destination, userData);
    }

    @Override
    public byte[] userData() {
        return userData.clone();
    }

    byte[] userDataUnsafe() {
        return userData;
    }

    /** DGM_LENGTH: the encoded names plus the user data. */
    public int datagramLength() {
        return source.encode().length + destination.encode().length + userData.length;
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("NetBIOS Datagram Service");
        header.describe(d);
        d.field("Datagram length", datagramLength() + " bytes");
        d.field("Packet offset", packetOffset + " bytes");
        d.field("Source name", source + " (" + NameMeaning.of(source) + ")");
        d.field("Destination name", destination + " (" + NameMeaning.of(destination) + ")");
        d.field("User data", userData.length + " bytes");
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DirectDatagram x && header.equals(x.header) && packetOffset == x.packetOffset
                && source.equals(x.source) && destination.equals(x.destination) && Arrays.equals(userData, x.userData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(header, packetOffset, source, destination) * 31 + Arrays.hashCode(userData);
    }

    @Override
    public String toString() {
        return "DirectDatagram[header=" + header + ", packetOffset=" + packetOffset + ", source=" + source
                + ", destination=" + destination + ", userData=" + Hex.format(userData) + "]";
    }
}
