package org.smbscope.server.fs;

import java.util.Arrays;

import org.smbscope.codec.status.NtStatus;

/**
 * An SMB2_CREATE_REQUEST_LEASE ([MS-SMB2] 2.2.13.2.8, 32 bytes) or SMB2_CREATE_REQUEST_LEASE_V2
 * (2.2.13.2.10, 52 bytes: with ParentLeaseKey and Epoch).
 */
record LeaseRequest(byte[] key, int state, int flags, byte[] parentKey, int epoch, boolean v2) {
    /** LeaseFlags: SMB2_LEASE_FLAG_PARENT_LEASE_KEY_SET. */
    static final int PARENT_KEY_SET = 0x4;

    static LeaseRequest parse(byte[] d) throws Failure {
        if (d.length == 32) {
            return new LeaseRequest(Arrays.copyOfRange(d, 0, 16), (int) CreateContexts.u32(d, 16),
                    (int) CreateContexts.u32(d, 20), null, 0, false);
        }
        if (d.length == 52) {
            int flags = (int) CreateContexts.u32(d, 20);
            return new LeaseRequest(Arrays.copyOfRange(d, 0, 16), (int) CreateContexts.u32(d, 16), flags,
                    (flags & PARENT_KEY_SET) != 0 ? Arrays.copyOfRange(d, 32, 48) : null,
                    (d[48] & 0xFF) | (d[49] & 0xFF) << 8, true);
        }
        throw new Failure(NtStatus.INVALID_PARAMETER);
    }
}
