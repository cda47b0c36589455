package org.smbscope.codec.netbios;

import java.util.Objects;
import org.smbscope.codec.wire.Detail;

/** DATAGRAM ERROR PACKET, RFC 1002 4.4.3: header and ERROR_CODE. */
public record DatagramErrorPacket(DatagramHeader header, DatagramErrorCode error) implements DatagramPacket {
    public DatagramErrorPacket {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(error, "error");
        if (!header.type().equals(DatagramType.ERROR)) {
            throw new IllegalArgumentException("not an error datagram type: " + header.type());
        }
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("NetBIOS Datagram Service");
        header.describe(d);
        d.field("Error code", error.meaning() + String.format(" (0x%02x)", error.value()));
        return d;
    }
}
