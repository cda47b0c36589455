package org.smbscope.codec.smb2;

import java.util.Arrays;
import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** [MS-SMB2] 2.2.23.2 Lease Break Notification (server to client). */
public record LeaseBreakNotification(int newEpoch, int flags, byte[] leaseKey, int currentLeaseState,
        int newLeaseState, int breakReason, int accessMaskHint, int shareMaskHint) implements Smb2Response {
    static final int STRUCTURE_SIZE = 44;

    public LeaseBreakNotification {
        if (leaseKey.length != 16) {
            throw new IllegalArgumentException("lease key is 16 bytes");
        }
        leaseKey = leaseKey.clone();
    }

    @Override
    public byte[] leaseKey() {
        return leaseKey.clone();
    }

    @Override
    public Smb2Command command() {
        return Smb2Command.OPLOCK_BREAK;
    }

    @Override
    public void writeBody(WireWriter w, int headerStart) {
        w.u16le(STRUCTURE_SIZE).u16le(newEpoch).u32le(flags & 0xFFFFFFFFL).bytes(leaseKey)
                .u32le(currentLeaseState & 0xFFFFFFFFL).u32le(newLeaseState & 0xFFFFFFFFL)
                .u32le(breakReason & 0xFFFFFFFFL).u32le(accessMaskHint & 0xFFFFFFFFL)
                .u32le(shareMaskHint & 0xFFFFFFFFL);
    }

    static LeaseBreakNotification read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        return new LeaseBreakNotification(r.u16le("NewEpoch"), r.i32le("Flags"), r.bytes("LeaseKey", 16),
                r.i32le("CurrentLeaseState"), r.i32le("NewLeaseState"), r.i32le("BreakReason"),
                r.i32le("AccessMaskHint"), r.i32le("ShareMaskHint"));
    }

    @Override
    public Detail detail() {
        return Detail.of("Lease Break Notification (0x12)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("New Epoch", newEpoch)
                .field("Flags", String.format("0x%08x", flags))
                .field("Lease Key", Bits.hex(leaseKey))
                .field("Current Lease State", String.format("0x%08x", currentLeaseState))
                .field("New Lease State", String.format("0x%08x", newLeaseState));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeaseBreakNotification x && newEpoch == x.newEpoch && flags == x.flags
                && Arrays.equals(leaseKey, x.leaseKey) && currentLeaseState == x.currentLeaseState
                && newLeaseState == x.newLeaseState && breakReason == x.breakReason
                && accessMaskHint == x.accessMaskHint && shareMaskHint == x.shareMaskHint;
    }

    @Override
    public int hashCode() {
        return Objects.hash(newEpoch, flags, Arrays.hashCode(leaseKey), currentLeaseState, newLeaseState);
    }

    @Override
    public String toString() {
        return "LeaseBreakNotification[key=" + Bits.hex(leaseKey) + ", " + currentLeaseState + "->" + newLeaseState
                + "]";
    }
}
