package org.smbscope.codec.netbios;

import java.util.Objects;

/**
 * FLAGS of a datagram service packet, RFC 1002 4.4.1: M (more fragments follow), F (first
 * fragment) and SNT (source node type). Reserved bits are not kept.
 */
public record DatagramFlags(boolean more, boolean first, DatagramNodeType sourceNodeType) {
    public DatagramFlags {
        Objects.requireNonNull(sourceNodeType, "sourceNodeType");
    }

    /** An unfragmented datagram (F set, M clear) from a node of this type. */
    public static DatagramFlags unfragmented(DatagramNodeType type) {
        return new DatagramFlags(false, true, type);
    }

    public int value() {
        return (more ? 0x01 : 0) | (first ? 0x02 : 0) | (sourceNodeType.code() << 2);
    }

    public static DatagramFlags of(int value) {
        return new DatagramFlags((value & 0x01) != 0, (value & 0x02) != 0, DatagramNodeType.of(value >> 2));
    }
}
