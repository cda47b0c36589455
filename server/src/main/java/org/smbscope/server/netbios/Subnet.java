package org.smbscope.server.netbios;

import java.net.Inet4Address;
import java.util.Objects;
import java.util.Optional;

/**
 * One interface the NetBIOS services run on: its IPv4 address and, when the netmask is known, its subnet
 * broadcast address (where B-node registrations, broadcast queries and browser announcements go).
 */
record Subnet(Inet4Address address, Optional<Inet4Address> broadcast) {
    Subnet {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(broadcast, "broadcast");
    }

    @Override
    public String toString() {
        return address.getHostAddress() + broadcast.map(b -> " (broadcast " + b.getHostAddress() + ")").orElse("");
    }
}
