package org.smbscope.codec.netbios;

import java.util.Arrays;
import java.util.Objects;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.Hex;

/** A datagram service packet of a type RFC 1002 does not define: header and the bytes after it. */
public record UnknownDatagram(DatagramHeader header, byte[] body) implements DatagramPacket {
    public UnknownDatagram {
        Objects.requireNonNull(header, "header");
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    byte[] bodyUnsafe() {
        return body;
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("NetBIOS Datagram Service");
        header.describe(d);
        d.field("Data", body.length + " bytes");
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownDatagram u && header.equals(u.header) && Arrays.equals(body, u.body);
    }

    @Override
    public int hashCode() {
        return header.hashCode() * 31 + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "UnknownDatagram[header=" + header + ", body=" + Hex.format(body) + "]";
    }
}
