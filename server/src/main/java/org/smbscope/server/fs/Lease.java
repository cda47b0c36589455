package org.smbscope.server.fs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.smbscope.codec.dtyp.Guid;
import org.smbscope.server.tree.BreakSender;

/**
 * One lease ([MS-SMB2] 3.3.1.4 Lease, 3.3.1.13 LeaseTable): ClientGuid + LeaseKey, the file it is for, its
 * state (R, H and W caching), the v2 epoch, the opens that share it, and a break in progress. Guarded by
 * {@link OpenFiles#lock}.
 */
final class Lease {
    static final int R = 0x1;
    static final int H = 0x2;
    static final int W = 0x4;

    /** The lease table key. */
    record Id(Guid clientGuid, Key key) {
    }

    /** A 16-byte LeaseKey with value equality. */
    record Key(byte[] bytes) {
        Key {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(bytes, k.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return java.util.HexFormat.of().formatHex(bytes);
        }
    }

    final Id id;
    /** The FileState key of the file (Lease.FileName: one lease is for one file). */
    final Object fileKey;
    final boolean v2;
    final byte[] parentKey;
    final List<Open> opens = new ArrayList<>();
    int state;
    int epoch;
    /** Where breaks go: the connection of the latest open. */
    BreakSender breaks = BreakSender.NONE;
    /** Lease.Breaking: the state broken to, and what completes on ack, close or timeout. */
    boolean breaking;
    int breakTo;
    /**
     * What the opens waiting on the break need the lease to end at: an open that arrives during a break may need
     * more (an overwrite: nothing); the acknowledgment then breaks one step further (smbtorture lease.breaking3).
     */
    int queuedTo;
    CompletableFuture<Void> breakDone;

    Lease(Id id, Object fileKey, boolean v2, byte[] parentKey, int epoch) {
        this.id = id;
        this.fileKey = fileKey;
        this.v2 = v2;
        this.parentKey = parentKey;
        this.epoch = epoch;
    }

    boolean has(int bits) {
        return (state & bits) == bits;
    }

    /** "RWH" style, for logs. */
    static String name(int state) {
        return ((state & R) != 0 ? "R" : "") + ((state & W) != 0 ? "W" : "") + ((state & H) != 0 ? "H" : "");
    }
}
