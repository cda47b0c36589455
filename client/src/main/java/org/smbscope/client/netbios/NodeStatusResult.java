package org.smbscope.client.netbios;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import org.smbscope.codec.netbios.MacAddress;
import org.smbscope.codec.netbios.NodeName;
import org.smbscope.codec.netbios.NodeStatistics;
import org.smbscope.codec.netbios.NodeStatusRData;

/**
 * A node status response, RFC 1002 4.2.18: the responder's name table (each name with its
 * group flag, owner node type and state flags), its unit id (MAC address) and the statistics
 * block when it is complete.
 */
public record NodeStatusResult(InetSocketAddress responder, List<NodeName> names, MacAddress mac,
                               Optional<NodeStatistics> statistics) {
    public NodeStatusResult {
        names = List.copyOf(names);
    }

    static NodeStatusResult of(InetSocketAddress responder, NodeStatusRData data) {
        return new NodeStatusResult(responder, data.names(), data.unitId().orElse(MacAddress.ZERO),
                data.parsedStatistics());
    }
}
