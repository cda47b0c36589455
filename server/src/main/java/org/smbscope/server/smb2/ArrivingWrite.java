package org.smbscope.server.smb2;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.locks.LockSupport;
import org.smbscope.codec.crypto.CryptoDecodeException;
import org.smbscope.codec.crypto.Smb3Transform;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.WriteRequest;
import org.smbscope.server.tree.Arrival;

/**
 * A large frame whose rest the connection's reader is still reading while it is served: a sealed one is opened
 * part by part as it arrives ({@link #open}). Or a lone SMB2 WRITE request ([MS-SMB2] 2.2.21), not sealed, whose data the connection's reader is still reading
 * into its buffer while the request is served: the reader reports how far it has come ({@link #advanced}, {@link
 * #ended}), the request's thread waits for the parts it needs ({@link #await}). A signed one is verified part by
 * part as it arrives ({@link #verify}, [MS-SMB2] 3.3.5.2.4) and its data written only once the whole message is
 * verified; an unsigned one, whose header and fixed part decide everything about it, has its data written to the
 * file as it arrives. Like a Samba server receiving with recvfile, a connection that breaks in the middle of such
 * an unsigned request may leave the part that had arrived written.
 */
final class ArrivingWrite implements Arrival {
    /** Bytes of a frame to read before {@link #qualifies} can decide: the header and a WRITE's fixed part. */
    static final int HEAD = WriteRequest.DATA_OFFSET;

    private final int length;
    /** Where the data begins: after a WRITE's fixed part, or after a sealed frame's transform header. */
    private final int head;
    private volatile int arrived;
    private volatile boolean ended;
    private volatile boolean broken;
    private volatile Thread waiter;
    /** How far the waiter needs the frame read: the reader wakes it only then (or at the end). */
    private volatile int wanted;

    /** For a WRITE frame of {@code length} bytes of which {@code arrived} are there. */
    ArrivingWrite(int length, int arrived) {
        this(length, arrived, HEAD);
    }

    /** For a frame of {@code length} bytes of which {@code arrived} are there, its data from {@code head} on. */
    ArrivingWrite(int length, int arrived, int head) {
        this.length = length;
        this.arrived = arrived;
        this.head = head;
    }

    /**
     * True when the first bytes of the {@code length}-byte frame in {@code b} (from 0 to its position) are a
     * transform header ([MS-SMB2] 2.2.41) with a message after it: such a frame is opened part by part ({@link
     * #open}).
     */
    static boolean sealed(ByteBuffer b, int length) {
        return length > Smb3Transform.HEADER_LENGTH + Smb2Header.SIZE && b.position() >= Smb3Transform.HEADER_LENGTH
                && b.getInt(0) == Smb2Codec.TRANSFORM_MAGIC;
    }

    /**
     * Opens the sealed frame in {@code frame} (from 0 to the frame's length) with {@code t}, in place, part by part
     * as it arrives ([MS-SMB2] 3.3.5.2.1.1); returns the decrypted message once its authenticity is checked.
     *
     * @throws CryptoDecodeException for a malformed or altered frame
     * @throws IOException when the connection breaks before the frame is whole
     */
    ByteBuffer open(Smb3Transform t, ByteBuffer frame) throws CryptoDecodeException, IOException {
        byte[] header = new byte[Smb3Transform.HEADER_LENGTH];
        frame.get(0, header);
        Smb3Transform.Opening o = t.opening(header, length);
        if (o == null) { // a cipher that opens whole messages only
            if (!whole()) {
                throw new EOFException("the connection ended in the middle of a sealed frame");
            }
            return t.openInPlace(frame.duplicate().position(0).limit(length));
        }
        inParts(frame, head, o::update);
        o.finish();
        return frame.slice(head, length - head);
    }

    /**
     * True when the first {@link #HEAD} bytes of the {@code length}-byte frame in {@code b} (from 0) are a lone
     * WRITE request, not sealed, with its data right after the fixed part up to the frame's end and no channel info
     * (the shape {@link LoneWrite#head} serves from a direct buffer).
     */
    static boolean qualifies(ByteBuffer b, int length) {
        if (length <= HEAD || b.position() < HEAD || b.getInt(0) != Smb2Codec.SMB2_MAGIC) {
            return false;
        }
        ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int body = Smb2Header.SIZE;
        return le.getShort(12) == Smb2Command.WRITE.value() && le.getInt(20) == 0 // lone
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
        int want = Math.min(length, head + Math.max(0, bytes));
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
        return arrived - head;
    }

    /** Parts of a signed or sealed message the signature or the cipher takes in at once, as they arrive. */
    static final int VERIFY_PART = 1 << 20;

    /**
     * Hands {@code frame} from {@code from} to its end to {@code part} in whole parts of {@link #VERIFY_PART} (the
     * ciphers' blocks stay aligned), each as soon as it has arrived.
     */
    private void inParts(ByteBuffer frame, int from, java.util.function.Consumer<ByteBuffer> part) throws IOException {
        for (int done = from; done < length; ) {
            int ready = Math.min(length, done + VERIFY_PART);
            await(ready - head);
            part.accept(frame.slice(done, ready - done));
            done = ready;
        }
    }

    /**
     * True if the message in {@code frame} (from 0 to the frame's length) holds its signature by {@code signer}: the
     * signature is computed part by part as the message arrives; false also when the connection breaks first.
     */
    boolean verify(org.smbscope.codec.crypto.Smb2Signer signer, ByteBuffer frame) {
        byte[] header = new byte[Smb2Header.SIZE];
        frame.get(0, header);
        org.smbscope.codec.crypto.Smb2Signer.Running running = signer.start(header);
        try {
            inParts(frame, Smb2Header.SIZE, running::update);
        } catch (IOException e) {
            return false;
        }
        byte[] actual = new byte[org.smbscope.codec.crypto.Smb2Signer.SIGNATURE_LENGTH];
        frame.get(org.smbscope.codec.crypto.Smb2Signer.SIGNATURE_OFFSET, actual);
        return java.security.MessageDigest.isEqual(running.finish(), actual);
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

    /** Waits until the reader is done with the frame; true when all of it was read. */
    boolean whole() {
        awaitEnd();
        return !broken;
    }

    /** True when the connection broke before the whole frame was read. */
    boolean broken() {
        return broken;
    }
}
