package org.smbscope.server.smb2;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.locks.LockSupport;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.WriteRequest;
import org.smbscope.server.tree.Arrival;

/**
 * A lone, plain SMB2 WRITE request ([MS-SMB2] 2.2.21) whose data the connection's reader is still reading into its
 * buffer while the request is served: the reader reports how far it has come ({@link #advanced}, {@link #ended}),
 * the request's thread waits for the parts it writes ({@link #await}). Only requests that nothing checks the
 * integrity of (not sealed, SMB2_FLAGS_SIGNED clear; [MS-SMB2] 3.3.5.2.4) qualify ({@link #qualifies}): their header
 * and fixed part decide everything about them, and the data goes to the file as it arrives. Like a Samba server
 * receiving with recvfile, a connection that breaks in the middle of such a request may leave the part that had
 * arrived written.
 */
final class ArrivingWrite implements Arrival {
    /** Bytes of a frame to read before {@link #qualifies} can decide: the header and a WRITE's fixed part. */
    static final int HEAD = WriteRequest.DATA_OFFSET;

    private final int length;
    private volatile int arrived;
    private volatile boolean ended;
    private volatile boolean broken;
    private volatile Thread waiter;
    /** How far the waiter needs the frame read: the reader wakes it only then (or at the end). */
    private volatile int wanted;

    /** For a frame of {@code length} bytes of which {@code arrived} are there. */
    ArrivingWrite(int length, int arrived) {
        this.length = length;
        this.arrived = arrived;
    }

    /**
     * True when the first {@link #HEAD} bytes of the {@code length}-byte frame in {@code b} (from 0) are a lone
     * WRITE request, neither sealed nor signed, with its data right after the fixed part up to the frame's end and
     * no channel info (the shape {@link LoneWrite#head} serves from a direct buffer).
     */
    static boolean qualifies(ByteBuffer b, int length) {
        if (length <= HEAD || b.position() < HEAD || b.getInt(0) != Smb2Codec.SMB2_MAGIC) {
            return false;
        }
        ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int body = Smb2Header.SIZE;
        return le.getShort(12) == Smb2Command.WRITE.value() && le.getInt(20) == 0 // lone
                && (le.getInt(16) & 0x08) == 0 // Flags: SMB2_FLAGS_SIGNED clear
                && le.getShort(body) == 49 && le.getShort(body + 2) == WriteRequest.DATA_OFFSET
                && le.getInt(body + 4) == length - WriteRequest.DATA_OFFSET
                && le.getShort(body + 42) == 0; // WriteChannelInfoLength
    }

    /** The reader has read the frame up to {@code position}. */
    void advanced(int position) {
        arrived = position;
        Thread w = waiter;
        if (w != null && position >= wanted) {
            LockSupport.unpark(w);
        }
    }

    /** The reader is done with the frame: all of it read ({@code whole}) or the connection broke. */
    void ended(boolean whole) {
        broken = !whole;
        ended = true;
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    @Override
    public int await(int bytes) throws IOException {
        int want = Math.min(length, HEAD + Math.max(0, bytes));
        while (arrived < want) {
            if (ended) {
                throw new EOFException("the connection ended in the middle of a WRITE");
            }
            wanted = want;
            waiter = Thread.currentThread();
            if (arrived < want && !ended) {
                LockSupport.park(this);
            }
            waiter = null;
        }
        return arrived - HEAD;
    }

    /** Waits until the reader no longer fills the frame's buffer (all read, or the connection broke). */
    void awaitEnd() {
        while (!ended) {
            wanted = Integer.MAX_VALUE;
            waiter = Thread.currentThread();
            if (!ended) {
                LockSupport.park(this);
            }
            waiter = null;
        }
    }

    /** True when the connection broke before the whole frame was read. */
    boolean broken() {
        return broken;
    }
}
