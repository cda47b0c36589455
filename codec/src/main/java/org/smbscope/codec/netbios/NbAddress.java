package org.smbscope.codec.netbios;

import java.net.Inet4Address;
import java.util.Objects;

/**
 * One entry of NB RDATA: NB_FLAGS (group bit, owner node type) and the owner's IPv4 address,
 * RFC 1002 4.2.1.3. Reserved NB_FLAGS bits are not kept.
 */
public record NbAddress(boolean group, NodeType nodeType, Inet4Address address) {
    public NbAddress {
        Objects.requireNonNull(nodeType, "nodeType");
        Objects.requireNonNull(address, "address");
    }

    /** A unique name owned by an H-node at this address. */
    public static NbAddress unique(Inet4Address address) {
        return new NbAddress(false, NodeType.H_NODE, address);
    }

    /** A group name member, H-node, at this address. */
    public static NbAddress group(Inet4Address address) {
        return new NbAddress(true, NodeType.H_NODE, address);
    }

    /** The 16-bit NB_FLAGS word. */
    public int flags() {
        return (group ? 0x8000 : 0) | (nodeType.code() << 13);
    }

    static NbAddress fromFlags(int flags, Inet4Address address) {
        return new NbAddress((flags & 0x8000) != 0, NodeType.of(flags >> 13), address);
    }

    @Override
    public String toString() {
        return address.getHostAddress() + " (" + nodeType.label() + ", " + (group ? "group" : "unique") + ")";
    }
}
