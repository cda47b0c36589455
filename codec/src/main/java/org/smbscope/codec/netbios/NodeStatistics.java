package org.smbscope.codec.netbios;

import java.util.Optional;
import org.smbscope.codec.wire.Detail;

/**
 * The STATISTICS block that ends a node status response, RFC 1002 4.2.18: the UNIT_ID (a MAC
 * address) and counters, 46 bytes, big-endian. Samba sends zeros; some senders send a shorter
 * block, which {@link #parse(byte[])} tolerates by returning empty.
 */
public record NodeStatistics(MacAddress unitId, int jumpers, int testResult, int versionNumber,
        int periodOfStatistics, int crcs, int alignmentErrors, int collisions, int sendAborts,
        long goodSends, long goodReceives, int retransmits, int noResourceConditions,
        int freeCommandBlocks, int totalCommandBlocks, int maxTotalCommandBlocks,
        int pendingSessions, int maxPendingSessions, int maxTotalSessions, int sessionDataPacketSize) {

    /** Length of the full block, UNIT_ID included. */
    public static final int LENGTH = 46;

    /** All counters zero, with this unit ID (what Samba sends). */
    public static NodeStatistics zero(MacAddress unitId) {
        return new NodeStatistics(unitId, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** The full block if {@code b} holds at least 46 bytes. */
    public static Optional<NodeStatistics> parse(byte[] b) {
        if (b.length < LENGTH) {
            return Optional.empty();
        }
        int[] p = {6};
        return Optional.of(new NodeStatistics(MacAddress.of(b, 0), u8(b, p), u8(b, p), u16(b, p), u16(b, p),
                u16(b, p), u16(b, p), u16(b, p), u16(b, p), u32(b, p), u32(b, p), u16(b, p), u16(b, p),
                u16(b, p), u16(b, p), u16(b, p), u16(b, p), u16(b, p), u16(b, p), u16(b, p)));
    }

    private static int u8(byte[] b, int[] p) {
        return b[p[0]++] & 0xFF;
    }

    private static int u16(byte[] b, int[] p) {
        return (u8(b, p) << 8) | u8(b, p);
    }

    private static long u32(byte[] b, int[] p) {
        return ((long) u16(b, p) << 16) | u16(b, p);
    }

    /** The 46-byte wire form. */
    public byte[] encode() {
        org.smbscope.codec.wire.WireWriter w = new org.smbscope.codec.wire.WireWriter(LENGTH);
        w.bytes(unitId.bytes()).u8(jumpers).u8(testResult).u16be(versionNumber).u16be(periodOfStatistics)
                .u16be(crcs).u16be(alignmentErrors).u16be(collisions).u16be(sendAborts)
                .u32be(goodSends).u32be(goodReceives).u16be(retransmits).u16be(noResourceConditions)
                .u16be(freeCommandBlocks).u16be(totalCommandBlocks).u16be(maxTotalCommandBlocks)
                .u16be(pendingSessions).u16be(maxPendingSessions).u16be(maxTotalSessions)
                .u16be(sessionDataPacketSize);
        return w.toByteArray();
    }

    Detail detail() {
        return Detail.of("Statistics")
                .field("Unit ID", unitId)
                .field("Jumpers", String.format("0x%02x", jumpers))
                .field("Test result", String.format("0x%02x", testResult))
                .field("Version number", String.format("0x%04x", versionNumber))
                .field("Period of statistics", String.format("0x%04x", periodOfStatistics))
                .field("Number of CRCs", crcs)
                .field("Number of alignment errors", alignmentErrors)
                .field("Number of collisions", collisions)
                .field("Number of send aborts", sendAborts)
                .field("Number of good sends", goodSends)
                .field("Number of good receives", goodReceives)
                .field("Number of retransmits", retransmits)
                .field("Number of no resource conditions", noResourceConditions)
                .field("Number of command blocks", freeCommandBlocks)
                .field("Number of total command blocks", totalCommandBlocks)
                .field("Number of max total command blocks", maxTotalCommandBlocks)
                .field("Number of pending sessions", pendingSessions)
                .field("Max number of pending sessions", maxPendingSessions)
                .field("Max total sessions possible", maxTotalSessions)
                .field("Session data packet size", sessionDataPacketSize);
    }
}
