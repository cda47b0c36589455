package org.smbscope.server.netbios;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.codec.netbios.NameServicePacket;
import org.smbscope.codec.netbios.NameServicePackets;
import org.smbscope.codec.netbios.NameServiceRcode;
import org.smbscope.codec.netbios.NbAddress;
import org.smbscope.codec.netbios.NetbiosDecodeException;
import org.smbscope.codec.netbios.NodeName;
import org.smbscope.codec.netbios.Question;
import org.smbscope.codec.netbios.ResourceRecord;

/**
 * The answers of a name-owning node, RFC 1001 15.1.3 and RFC 1002 4.2 / 5.1.1:
 * a name query for one of our names gets a positive response (a unicast query for another name
 * gets NAM_ERR, a broadcast one gets silence); a node status request for {@code *} or one of our
 * names gets our table; a registration of one of our unique names by another address gets a
 * negative registration response with ACT_ERR (we defend it). Everything else is ignored.
 */
final class NameResponder implements PacketHandler {
    private static final Logger LOG = LoggerFactory.getLogger(NameService.class);

    private final Supplier<NameTable> tables;
    private final NameServiceConfig config;
    private final Inet4Address address;

    NameResponder(NameTable table, NameServiceConfig config) {
        this(() -> table, config);
    }

    /** A responder whose names may change (a browser becoming master adds WORKGROUP&lt;1D&gt;). */
    NameResponder(Supplier<NameTable> tables, NameServiceConfig config) {
        this.tables = tables;
        this.config = config;
        this.address = (Inet4Address) config.address();
    }

    @Override
    public Optional<byte[]> handle(byte[] packet, InetSocketAddress sender) throws NetbiosDecodeException {
        return respond(NameServicePacket.decode(packet), sender).map(NameServicePacket::encode);
    }

    Optional<NameServicePacket> respond(NameServicePacket p, InetSocketAddress sender) {
        if (p.response()) {
            return Optional.empty();
        }
        return switch (p.kind()) {
            case NAME_QUERY_REQUEST -> p.question().flatMap(q -> query(p, q));
            case NODE_STATUS_REQUEST -> p.question().flatMap(q -> nodeStatus(p, q));
            case NAME_REGISTRATION_REQUEST, NAME_OVERWRITE_DEMAND, MULTIHOMED_REGISTRATION_REQUEST ->
                    p.question().flatMap(q -> defend(p, q, sender));
            default -> {
                LOG.debug("ignoring {} from {}", p.summary(), sender);
                yield Optional.empty();
            }
        };
    }

    private Optional<NameServicePacket> query(NameServicePacket p, Question q) {
        Optional<NodeName> owned = tables.get().find(q.name());
        if (owned.isPresent()) {
            NodeName n = owned.get();
            NbAddress a = new NbAddress(n.group(), config.nodeType(), address);
            return Optional.of(NameServicePackets.positiveResponse(p, config.ttl().toSeconds(), List.of(a)));
        }
        if (p.isBroadcast()) {
            return Optional.empty(); // RFC 1002 5.1.1.2: only the owner answers a broadcast query
        }
        return Optional.of(NameServicePackets.negativeResponse(p, NameServiceRcode.NAM_ERR));
    }

    private Optional<NameServicePacket> nodeStatus(NameServicePacket p, Question q) {
        NameTable table = tables.get();
        if (!q.name().isWildcard() && table.find(q.name()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(NameServicePackets.nodeStatusResponse(p, table.names(), config.mac()));
    }

    private Optional<NameServicePacket> defend(NameServicePacket p, Question q, InetSocketAddress sender) {
        Optional<NodeName> owned = tables.get().find(q.name());
        if (owned.isEmpty() || owned.get().group()) {
            return Optional.empty();
        }
        List<NbAddress> claimed = p.additional().map(ResourceRecord::addresses).orElse(List.of());
        boolean byOther = claimed.isEmpty() || claimed.stream().anyMatch(a -> !a.address().equals(address));
        if (!byOther) {
            return Optional.empty();
        }
        LOG.info("defending {} against a registration by {}", q.name(), sender.getAddress().getHostAddress());
        return Optional.of(NameServicePackets.registrationResponse(p, NameServiceRcode.ACT_ERR, config.ttl().toSeconds()));
    }
}
