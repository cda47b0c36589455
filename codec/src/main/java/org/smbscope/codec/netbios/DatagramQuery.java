package org.smbscope.codec.netbios;

import java.util.Objects;
import org.smbscope.codec.wire.Detail;

/**
 * DATAGRAM QUERY REQUEST and POSITIVE / NEGATIVE QUERY RESPONSE, RFC 1002 4.4.4: header and
 * DESTINATION_NAME.
 */
public record DatagramQuery(DatagramHeader header, NetbiosName destination) implements DatagramPacket {
    public DatagramQuery {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(destination, "destination");
        if (!header.type().isQuery()) {
            throw new IllegalArgumentException("not a datagram query type: " + header.type());
        }
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("NetBIOS Datagram Service");
        header.describe(d);
        d.field("Destination name", destination + " (" + NameMeaning.of(destination) + ")");
        return d;
    }
}
