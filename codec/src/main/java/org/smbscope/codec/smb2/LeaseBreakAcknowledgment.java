package org.smbscope.codec.smb2;

import java.util.Arrays;
import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-SMB2] 2.2.24.2 Lease Break Acknowledgment and 2.2.25.2 Lease Break Response: the same
 * 36-byte layout in both directions.
 */
public record LeaseBreakAcknowledgment(int flags, byte[] leaseKey, int leaseState, long leaseDuration)
        implements Smb2Request, Smb2Response {
    static final int STRUCTURE_SIZE = 36;

    public LeaseBreakAcknowledgment {
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
        w.u16le(STRUCTURE_SIZE).u16le(0).u32le(flags & 0xFFFFFFFFL).bytes(leaseKey)
                .u32le(leaseState & 0xFFFFFFFFL).u64le(leaseDuration);
    }

    static LeaseBreakAcknowledgment read(Body b) throws DecodeException {
        WireReader r = b.r;
        b.structureSize(STRUCTURE_SIZE);
        r.skip("Reserved", 2);
        return new LeaseBreakAcknowledgment(r.i32le("Flags"), r.bytes("LeaseKey", 16), r.i32le("LeaseState"),
                r.u64le("LeaseDuration"));
    }

    @Override
    public Detail detail() {
        return Detail.of("Lease Break Acknowledgment (0x12)")
                .field("StructureSize", STRUCTURE_SIZE)
                .field("Lease Key", Bits.hex(leaseKey))
                .field("Lease State", String.format("0x%08x", leaseState));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeaseBreakAcknowledgment x && flags == x.flags && Arrays.equals(leaseKey, x.leaseKey)
                && leaseState == x.leaseState && leaseDuration == x.leaseDuration;
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags, Arrays.hashCode(leaseKey), leaseState, leaseDuration);
    }

    @Override
    public String toString() {
        return "LeaseBreakAcknowledgment[key=" + Bits.hex(leaseKey) + ", state=" + leaseState + "]";
    }
}
