package org.smbscope.server.smb2;

import java.util.BitSet;

/**
 * The server's view of a connection's message-id window ([MS-SMB2] 3.3.1.1 Algorithm for the Granting of
 * Credits, 3.3.5.2.3 Verifying the Sequence Number): ids below {@code high} were granted, each may be used
 * once; a request with CreditCharge n uses n consecutive ids. Thread safe.
 */
final class CreditWindow {
    /** How far the lowest unused id may lag behind the highest granted one before requests are refused. */
    private static final long MAX_SPAN = 1 << 20;

    private final int maxCredits;
    private long low;
    private long high = 1;
    private BitSet used = new BitSet();

    CreditWindow(int maxCredits) {
        this.maxCredits = maxCredits;
    }

    /** Uses ids {@code mid .. mid+charge-1}; false if any is outside the window or already used. */
    synchronized boolean consume(long mid, int charge) {
        int n = Math.max(1, charge);
        if (mid < low || mid >= high || high - mid < n || high - low > MAX_SPAN) {
            return false;
        }
        int at = (int) (mid - low);
        if (used.get(at, at + n).cardinality() != 0) {
            return false;
        }
        used.set(at, at + n);
        int shift = used.nextClearBit(0);
        if (shift > 0) {
            low += shift;
            used = used.get(shift, Math.max(shift, used.length()));
        }
        return true;
    }

    /** Credits granted in a response to a request asking for {@code requested}: never above the limit, never leaving the client with none. */
    synchronized int grant(int requested) {
        return grant(requested, 1);
    }

    /**
     * Credits granted in a response to a request that asked for {@code requested} and was charged {@code charge}:
     * at least the charge (as Windows and Samba do), so a client that asks for 1 credit on every 8 MiB WRITE keeps
     * its window instead of shrinking it to one request in flight; never above the limit, never leaving the
     * client with none.
     */
    synchronized int grant(int requested, int charge) {
        long outstanding = (high - low) - used.cardinality();
        long room = maxCredits - outstanding;
        long g = Math.min(Math.max(Math.max(requested, charge), 1), room);
        if (g <= 0) {
            g = outstanding == 0 ? 1 : 0;
        }
        g = Math.min(g, 0xFFFF);
        high += g;
        return (int) g;
    }

    /** Ids the client may still use. */
    synchronized long outstanding() {
        return (high - low) - used.cardinality();
    }
}
