package org.smbscope.client.smb1;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.smbscope.client.SmbProtocolException;
import org.smbscope.client.SmbTimeoutException;
import org.smbscope.client.WireTap;
import org.smbscope.client.transport.Transport;
import org.smbscope.codec.smb1.Smb1DecodeException;
import org.smbscope.codec.smb1.Smb1Header;
import org.smbscope.codec.smb1.Smb1Messages;
import org.smbscope.codec.smb1.Smb1Signer;

/**
 * One SMB1 connection ([MS-CIFS] 3.2): a reader virtual thread receives messages and hands each to
 * the request with the same MID; at most MaxMpxCount requests are in flight (a semaphore); MIDs
 * are allocated among the free ones. Once signing is active every request takes the next sequence
 * number n (its responses are checked against n+1) and the counter moves by 2 ([MS-CIFS] 3.1.4.1).
 * A multi-part transaction response arrives as several messages with one MID, so a request's
 * answers are a queue that its caller drains.
 */
final class Smb1Connection implements AutoCloseable {
    private static final int OFF_MID = 30;
    private static final int OFF_FLAGS = 9;
    private static final int OFF_FLAGS2 = 10;
    private static final int FLAGS2_SIGNATURE = 0x0004;

    private final Transport transport;
    private final Clock clock;
    private final Duration requestTimeout;
    private final WireTap tap;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> abandoned = new ConcurrentHashMap<>();
    private volatile Semaphore mpx = new Semaphore(1);
    private final Thread reader;
    private int nextMid = 1;
    private volatile byte[] macKey;
    private long sequence;
    private volatile IOException failure;

    /** A request's answers (one, or several parts of a transaction response). */
    static final class Pending {
        final int mid;
        final long responseSequence;
        final LinkedBlockingQueue<Object> answers = new LinkedBlockingQueue<>();

        Pending(int mid, long responseSequence) {
            this.mid = mid;
            this.responseSequence = responseSequence;
        }
    }

    Smb1Connection(Transport transport, Clock clock, Duration requestTimeout, WireTap tap) {
        this.transport = transport;
        this.clock = clock;
        this.requestTimeout = requestTimeout;
        this.tap = tap;
        this.reader = Thread.ofVirtual().name("smb1-reader " + transport.describe()).start(this::readLoop);
    }

    String describe() {
        return transport.describe();
    }

    /** The server's MaxMpxCount ([MS-CIFS] 2.2.4.52.2), once negotiated; capped to 1..256. */
    void maxMpx(int count) {
        mpx = new Semaphore(Math.max(1, Math.min(256, count)));
    }

    /**
     * Turns signing on with {@code macKey}: the request that authenticated was sequence 0 and its
     * response 1, so the next request is 2.
     */
    void activateSigning(byte[] key) {
        writeLock.lock();
        try {
            this.macKey = key.clone();
            this.sequence = 2;
        } finally {
            writeLock.unlock();
        }
    }

    boolean signing() {
        return macKey != null;
    }

    byte[] macKey() {
        byte[] k = macKey;
        return k == null ? null : k.clone();
    }

    /** Sends one request and waits for its (first) response. */
    byte[] call(byte[] request) throws IOException {
        Pending p = send(request);
        try {
            return next(p);
        } finally {
            finish(p);
        }
    }

    /**
     * Sends a request: takes an mpx slot, assigns a free MID and, when signing, the next sequence
     * number and the signature. The caller must {@link #finish} it.
     */
    Pending send(byte[] request) throws IOException {
        checkOpen();
        Semaphore slots = mpx;
        try {
            if (!slots.tryAcquire(requestTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new SmbTimeoutException("no free multiplex slot on " + transport.describe() + " within "
                        + requestTimeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for a multiplex slot");
        }
        byte[] m = request.clone();
        Pending p;
        writeLock.lock();
        try {
            checkOpen();
            int mid = allocateMid();
            m[OFF_MID] = (byte) mid;
            m[OFF_MID + 1] = (byte) (mid >>> 8);
            byte[] key = macKey;
            long seq = -1;
            if (key != null) {
                seq = sequence;
                sequence += 2;
                int flags2 = (m[OFF_FLAGS2] & 0xFF) | (m[OFF_FLAGS2 + 1] & 0xFF) << 8 | FLAGS2_SIGNATURE;
                m[OFF_FLAGS2] = (byte) flags2;
                m[OFF_FLAGS2 + 1] = (byte) (flags2 >>> 8);
                m = Smb1Signer.sign(key, m, seq);
            }
            p = new Pending(mid, seq < 0 ? -1 : seq + 1);
            pending.put(mid, p);
            tap(WireTap.Direction.SENT, m);
            transport.send(m);
        } catch (IOException e) {
            slots.release();
            fail(e);
            throw e;
        } finally {
            writeLock.unlock();
        }
        return p;
    }

    private int allocateMid() {
        for (int i = 0; i < 0xFFFF; i++) {
            int mid = nextMid;
            nextMid = nextMid >= 0xFFFE ? 1 : nextMid + 1;
            if (!pending.containsKey(mid) && !abandoned.containsKey(mid)) {
                return mid;
            }
        }
        throw new IllegalStateException("no free MID");
    }

    /** The next answer to {@code p}, bounded by the request timeout. */
    byte[] next(Pending p) throws IOException {
        Object o;
        try {
            o = p.answers.poll(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for a response");
        }
        if (o == null) {
            abandoned.put(p.mid, Boolean.TRUE);
            throw new SmbTimeoutException("no response from " + transport.describe() + " within "
                    + requestTimeout.toMillis() + " ms (MID " + p.mid + ")");
        }
        if (o instanceof IOException e) {
            IOException copy = e instanceof SmbProtocolException ? new SmbProtocolException(e.getMessage(), e)
                    : new IOException(e.getMessage(), e);
            throw copy;
        }
        return (byte[]) o;
    }

    /** Releases the request's MID and multiplex slot. */
    void finish(Pending p) {
        if (pending.remove(p.mid, p)) {
            mpx.release();
        }
    }

    private void readLoop() {
        try {
            while (true) {
                onMessage(transport.receive());
            }
        } catch (IOException e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(new SmbProtocolException("reader failed: " + e, e));
        }
    }

    private void onMessage(byte[] m) throws IOException {
        tap(WireTap.Direction.RECEIVED, m);
        if (m.length < Smb1Header.SIZE || (m[0] & 0xFF) != 0xFF || m[1] != 'S' || m[2] != 'M' || m[3] != 'B') {
            throw new SmbProtocolException("not an SMB1 message (" + m.length + " bytes)");
        }
        if ((m[4] & 0xFF) == 0x24 && (m[OFF_FLAGS] & 0x80) == 0) {
            return; // LOCKING_ANDX oplock break request from the server ([MS-CIFS] 2.2.4.32); we never ask for oplocks
        }
        if ((m[OFF_FLAGS] & 0x80) == 0) {
            throw new SmbProtocolException("server sent a request");
        }
        int mid = (m[OFF_MID] & 0xFF) | (m[OFF_MID + 1] & 0xFF) << 8;
        Pending p = pending.get(mid);
        if (p == null) {
            if (abandoned.remove(mid) != null) {
                return;
            }
            throw new SmbProtocolException("response with unexpected MID " + mid);
        }
        byte[] key = macKey;
        if (key != null && p.responseSequence >= 0 && !Smb1Signer.verify(key, m, p.responseSequence)) {
            p.answers.add(new SmbProtocolException(String.format("bad signature on the response to MID %d (command 0x%02x, sequence %d)",
                    mid, m[4] & 0xFF, p.responseSequence)));
            return;
        }
        p.answers.add(m);
    }

    private void tap(WireTap.Direction direction, byte[] m) {
        if (tap == WireTap.NONE) {
            return;
        }
        Object decoded;
        try {
            List<?> list = Smb1Messages.decode(m);
            decoded = list.size() == 1 ? list.get(0) : list;
        } catch (Smb1DecodeException | RuntimeException e) {
            decoded = "undecodable: " + e.getMessage();
        }
        try {
            tap.frame(direction, clock.instant(), m, decoded);
        } catch (RuntimeException ignored) {
            // a tap must not break the connection
        }
    }

    private void checkOpen() throws IOException {
        IOException f = failure;
        if (f != null) {
            throw new IOException("connection to " + transport.describe() + " is broken: " + f.getMessage(), f);
        }
    }

    private void fail(IOException e) {
        if (failure == null) {
            failure = e instanceof EOFException ? new EOFException("connection closed by " + transport.describe()) : e;
        }
        for (Pending p : List.copyOf(pending.values())) {
            p.answers.add(failure);
        }
        transport.close();
    }

    @Override
    public void close() {
        fail(new EOFException("connection closed"));
        try {
            reader.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
