package org.smbscope.codec.netbios;

import java.net.Inet4Address;
import java.util.Objects;
import org.smbscope.codec.wire.Detail;

/**
 * The 10-byte header every datagram service packet starts with, RFC 1002 4.4.1: MSG_TYPE, FLAGS,
 * DGM_ID, SOURCE_IP, SOURCE_PORT.
 */
public record DatagramHeader(DatagramType type, DatagramFlags flags, int datagramId, Inet4Address sourceIp,
        int sourcePort) {
    public static final int LENGTH = 10;

    public DatagramHeader {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(flags, "flags");
        Objects.requireNonNull(sourceIp, "sourceIp");
        if (datagramId < 0 || datagramId > 0xFFFF || sourcePort < 0 || sourcePort > 0xFFFF) {
            throw new IllegalArgumentException("datagram id and port must be 16 bits");
        }
    }

    /** The same header with another type (for responses). */
    public DatagramHeader withType(DatagramType newType) {
        return new DatagramHeader(newType, flags, datagramId, sourceIp, sourcePort);
    }

    void describe(Detail d) {
        d.field("Message Type", type.description() + " (" + type.value() + ")");
        d.child(Detail.of(String.format("Flags: 0x%02x", flags.value()))
                .field("More fragments follow", flags.more() ? "Yes" : "No")
                .field("This is first fragment", flags.first() ? "Yes" : "No")
                .field("Node Type", flags.sourceNodeType().label() + " (" + flags.sourceNodeType().code() + ")"));
        d.field("Datagram ID", String.format("0x%04x", datagramId));
        d.field("Source IP", sourceIp.getHostAddress());
        d.field("Source Port", sourcePort);
    }
}
