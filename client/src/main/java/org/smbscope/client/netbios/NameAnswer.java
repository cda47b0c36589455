package org.smbscope.client.netbios;

import java.net.Inet4Address;
import org.smbscope.codec.netbios.NbAddress;
import org.smbscope.codec.netbios.NodeType;

/**
 * One address a positive name query response gives for the name, RFC 1002 4.2.13 ADDR_ENTRY:
 * the address, whether the name is a group name there, and the owner node type (ONT).
 */
public record NameAnswer(Inet4Address address, boolean group, NodeType ownerNodeType) {
    static NameAnswer of(NbAddress a) {
        return new NameAnswer(a.address(), a.group(), a.nodeType());
    }
}
