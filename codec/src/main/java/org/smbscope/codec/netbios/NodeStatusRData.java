package org.smbscope.codec.netbios;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.Hex;

/**
 * NBSTAT RDATA of a node status response, RFC 1002 4.2.18: NUM_NAMES, the name table and the
 * STATISTICS block. The statistics bytes are kept exactly as received ({@link #statistics()},
 * normally 46 bytes starting with the UNIT_ID), since senders differ; {@link #unitId()} and
 * {@link #parsedStatistics()} read them when long enough.
 */
public record NodeStatusRData(List<NodeName> names, byte[] statistics) implements RData {
    public NodeStatusRData {
        names = List.copyOf(names);
        if (names.size() > 255) {
            throw new IllegalArgumentException("a node status response holds at most 255 names");
        }
        statistics = statistics.clone();
    }

    /** A name table with a zeroed 46-byte statistics block carrying this unit ID. */
    public static NodeStatusRData of(List<NodeName> names, MacAddress unitId) {
        return new NodeStatusRData(names, NodeStatistics.zero(unitId).encode());
    }

    @Override
    public byte[] statistics() {
        return statistics.clone();
    }

    int statisticsLength() {
        return statistics.length;
    }

    byte[] statisticsUnsafe() {
        return statistics;
    }

    /** The UNIT_ID (MAC address) if the statistics block holds at least 6 bytes. */
    public Optional<MacAddress> unitId() {
        return statistics.length >= 6 ? Optional.of(MacAddress.of(statistics, 0)) : Optional.empty();
    }

    /** The full statistics if the block holds at least 46 bytes. */
    public Optional<NodeStatistics> parsedStatistics() {
        return NodeStatistics.parse(statistics);
    }

    @Override
    public void describe(Detail into) {
        into.field("Number of names", names.size());
        for (NodeName n : names) {
            StringBuilder f = new StringBuilder(String.format("0x%04x (%s, %s", n.flags(), n.nodeType().label(),
                    n.group() ? "group" : "unique"));
            for (NameState s : n.states()) {
                f.append(", ").append(s.abbreviation());
            }
            f.append(')');
            into.child(Detail.of("Name: " + n.name() + " (" + n.meaning() + ")").field("Name flags", f));
        }
        Optional<NodeStatistics> stats = parsedStatistics();
        if (stats.isPresent()) {
            into.child(stats.get().detail());
        } else {
            into.field("Unit ID", unitId().map(MacAddress::toString).orElse("(missing)"));
            into.field("Statistics", statistics.length + " bytes (short block): " + Hex.format(statistics));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeStatusRData other && names.equals(other.names)
                && Arrays.equals(statistics, other.statistics);
    }

    @Override
    public int hashCode() {
        return names.hashCode() * 31 + Arrays.hashCode(statistics);
    }

    @Override
    public String toString() {
        return "NodeStatusRData[names=" + names + ", statistics=" + Hex.format(statistics) + "]";
    }
}
