package org.smbscope.codec.netbios;

import java.net.Inet4Address;
import java.util.Objects;
import org.smbscope.codec.wire.Detail;

/** A-type RDATA: one IPv4 address (redirect name query response, RFC 1002 4.2.15). */
public record AddressRData(Inet4Address address) implements RData {
    public AddressRData {
        Objects.requireNonNull(address, "address");
    }

    @Override
    public void describe(Detail into) {
        into.field("Addr", address.getHostAddress());
    }
}
