package org.smbscope.client.smb2;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.smbscope.client.SmbProtocolException;
import org.smbscope.client.SmbTimeoutException;
import org.smbscope.client.WireTap;
import org.smbscope.client.transport.Transport;

/**
 * One SMB2/3 connection: a reader virtual thread receives frames, decrypts sealed ones, splits
 * compounds, verifies signatures, adds granted credits and completes the waiting request by
 * message id ([MS-SMB2] 3.2.5.1). Requests are written under a lock after taking credits; an
 * interim STATUS_PENDING response keeps its request waiting ([MS-SMB2] 3.2.5.1.5). Every wait is
 * bounded by the request timeout.
 */
final class Smb2Connection implements AutoCloseable {
    /** STATUS_USER_SESSION_DELETED: never signed by a server. */
    private static final int USER_SESSION_DELETED = 0xC0000203;

    /** The message id of unsolicited oplock / lease breaks ([MS-SMB2] 3.2.5.19). */
    private static final long UNSOLICITED = -1L;

    private final Transport transport;
    private final Clock clock;
    private final Duration requestTimeout;
    private final WireTap tap;
    private final Function<byte[], Object> decoder;
    /** Sealed messages from this size on are opened into pooled arrays. */
    private static final int LARGE = 64 * 1024;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final CreditWindow credits;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Map<Long, MessageSecurity> security = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> abandoned = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile int creditTarget = 512;
    private volatile IOException failure;

    /** A request's future; an interim response moves its deadline. */
    static final class Pending extends CompletableFuture<Incoming> {
        final long messageId;
        final byte[] request;
        volatile long lastActivity = System.nanoTime();

        Pending(long messageId, byte[] request) {
            this.messageId = messageId;
            this.request = request;
        }
    }

    Smb2Connection(Transport transport, Clock clock, Duration requestTimeout, WireTap tap,
            Function<byte[], Object> decoder) {
        this(transport, clock, requestTimeout, tap, decoder, 1, 0);
    }

    /** A connection whose first request uses {@code firstMessageId} with {@code credits} granted (SMB1 upgrade). */
    Smb2Connection(Transport transport, Clock clock, Duration requestTimeout, WireTap tap,
            Function<byte[], Object> decoder, long initialCredits, long firstMessageId) {
        this.credits = new CreditWindow(initialCredits, firstMessageId);
        this.transport = transport;
        this.clock = clock;
        this.requestTimeout = requestTimeout;
        this.tap = tap;
        this.decoder = decoder;
        this.reader = Thread.ofPlatform().daemon().name("smb2-reader " + transport.describe()).start(this::readLoop);
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    String describe() {
        return transport.describe();
    }

    void creditTarget(int target) {
        this.creditTarget = Math.max(1, target);
    }

    long creditsAvailable() {
        return credits.available();
    }

    void register(MessageSecurity s) {
        security.put(s.sessionId(), s);
    }

    void unregister(long sessionId) {
        security.remove(sessionId);
    }

    /** Sends one request and waits for its final response. */
    Incoming call(Outgoing request) throws IOException {
        return await(send(List.of(request), false, null, null).get(0));
    }

    /** Sends a related compound and waits for all its responses. */
    List<Incoming> callCompound(List<Outgoing> requests) throws IOException {
        List<CompletableFuture<Incoming>> futures = send(requests, true, null, null);
        List<Incoming> out = new ArrayList<>();
        for (CompletableFuture<Incoming> f : futures) {
            out.add(await(f));
        }
        return out;
    }

    /** Sends a request without waiting; for pipelined transfers. */
    CompletableFuture<Incoming> submit(Outgoing request) throws IOException {
        return send(List.of(request), false, null, null).get(0);
    }

    /**
     * Sends a request whose last bytes are {@code data} (a WRITE's payload in a direct buffer),
     * without waiting: the payload goes to the socket without a copy into the heap, signed over where
     * it is, or sealed into {@code sealed} (a direct buffer with room for the transform header, the
     * message and a tag; null: the message is joined and sealed as any other). With a wire tap it is
     * joined to the message first. The data has been written (or copied) when this returns.
     */
    CompletableFuture<Incoming> submit(Outgoing request, ByteBuffer data, ByteBuffer sealed) throws IOException {
        Outgoing o = request;
        ByteBuffer tail = data;
        long sessionId = HeaderView.u64(o.message(), HeaderView.OFF_SESSION_ID);
        MessageSecurity sec = sessionId == 0 ? null : security.get(sessionId);
        if (tap != WireTap.NONE || (sec != null && sec.encrypting() && sealed == null)) {
            byte[] joined = java.util.Arrays.copyOf(o.message(), o.message().length + data.remaining());
            data.duplicate().get(joined, o.message().length, data.remaining());
            o = new Outgoing(joined, o.creditCharge());
            tail = null;
        }
        return send(List.of(o), false, tail, sealed).get(0);
    }

    CompletableFuture<Incoming> submit(Outgoing request, ByteBuffer data) throws IOException {
        return submit(request, data, null);
    }

    /**
     * Sends a WRITE whose data is {@code count} bytes of {@code file} from {@code position}, without waiting, for a
     * session that neither signs nor seals it and no wire tap: the transport sends them from the file.
     */
    CompletableFuture<Incoming> submit(Outgoing request, FileChannel file, long position, int count) throws IOException {
        return send(List.of(request), false, null, null, file, position, count).get(0);
    }

    /** True when a request of this session is sent as it is: no wire tap, no signing, no sealing. */
    boolean sendsPlain(long sessionId, int command) {
        MessageSecurity sec = security.get(sessionId);
        return tap == WireTap.NONE && (sec == null || !(sec.encrypting() || sec.signs(command)));
    }

    Incoming await(CompletableFuture<Incoming> f) throws IOException {
        // the deadline restarts when the server answers STATUS_PENDING, up to 10 request timeouts
        long start = System.nanoTime();
        long limit = start + requestTimeout.toNanos() * 10;
        while (true) {
            long last = f instanceof Pending p ? p.lastActivity : start;
            long deadline = Math.min(limit, Math.max(start, last) + requestTimeout.toNanos());
            try {
                return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (f instanceof Pending p && p.lastActivity != last && System.nanoTime() < limit) {
                    continue;
                }
                if (f instanceof Pending p) {
                    abandon(p.messageId);
                }
                throw new SmbTimeoutException("no response from " + transport.describe() + " within "
                        + requestTimeout.toMillis() + " ms");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted waiting for a response");
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof IOException io) {
                    // add the caller's stack for a readable trace
                    io.addSuppressed(new Exception("awaited here"));
                    throw io;
                }
                throw new IOException(c);
            }
        }
    }

    private List<CompletableFuture<Incoming>> send(List<Outgoing> requests, boolean related, ByteBuffer tail,
            ByteBuffer sealed) throws IOException {
        return send(requests, related, tail, sealed, null, 0, 0);
    }

    /**
     * {@code tail}: bytes that follow a single request's message on the wire, sealed into {@code sealed} when the
     * session seals (see {@link #submit(Outgoing, ByteBuffer, ByteBuffer)}); or {@code count} bytes of {@code file}.
     */
    private List<CompletableFuture<Incoming>> send(List<Outgoing> requests, boolean related, ByteBuffer tail,
            ByteBuffer sealed, FileChannel file, long position, int count) throws IOException {
        IOException f = failure;
        if (f != null) {
            throw new IOException("connection to " + transport.describe() + " is broken: " + f.getMessage(), f);
        }
        int totalCharge = 0;
        for (Outgoing o : requests) {
            totalCharge += o.creditCharge();
        }
        long first;
        try {
            first = credits.acquire(totalCharge, requestTimeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted waiting for credits");
        }
        if (first < 0) {
            IOException broken = failure;
            if (broken != null) {
                throw new IOException("connection to " + transport.describe() + " is broken: " + broken.getMessage(), broken);
            }
            throw new SmbTimeoutException("no credits granted by " + transport.describe() + " within "
                    + requestTimeout.toMillis() + " ms (needed " + totalCharge + ")");
        }
        List<CompletableFuture<Incoming>> futures = new ArrayList<>();
        List<byte[]> messages = new ArrayList<>();
        long id = first;
        long available = credits.available();
        for (int i = 0; i < requests.size(); i++) {
            Outgoing o = requests.get(i);
            byte[] m = o.message(); // sent once: the connection's fields are written in place
            HeaderView.put16(m, HeaderView.OFF_CREDIT_CHARGE, o.creditCharge());
            int ask = (int) Math.max(o.creditCharge(), Math.min(256, creditTarget - available));
            HeaderView.put16(m, HeaderView.OFF_CREDITS, Math.max(1, ask));
            HeaderView.put64(m, HeaderView.OFF_MESSAGE_ID, id);
            if (related && i > 0) {
                int flags = HeaderView.i32(m, HeaderView.OFF_FLAGS) | HeaderView.FLAG_RELATED;
                HeaderView.put32(m, HeaderView.OFF_FLAGS, flags);
            }
            Pending p = new Pending(id, m);
            pending.put(id, p);
            futures.add(p);
            messages.add(m);
            id += o.creditCharge();
        }
        long sessionId = HeaderView.u64(messages.get(0), HeaderView.OFF_SESSION_ID);
        MessageSecurity sec = sessionId == 0 ? null : security.get(sessionId);
        byte[] frame;
        ByteBuffer body = tail;
        if (tail == null) {
            frame = frame(messages, sec);
        } else if (sec != null && sec.encrypting()) {
            body = sec.seal(messages.get(0), tail, sealed);
            frame = new byte[0];
        } else {
            frame = messages.get(0);
            if (sec != null && sec.signs(HeaderView.u16(frame, HeaderView.OFF_COMMAND))) {
                sec.sign(frame, tail);
            }
        }
        writeLock.lock();
        try {
            for (byte[] m : messages) {
                tap(WireTap.Direction.SENT, m);
            }
            if (file != null) {
                transport.send(frame, file, position, count);
            } else if (body == null) {
                transport.send(frame);
            } else {
                transport.send(frame, body);
            }
        } catch (IOException e) {
            fail(e);
            throw e;
        } finally {
            writeLock.unlock();
        }
        return futures;
    }

    /** Pads compound members to 8 bytes, links them, signs each and seals the whole when asked. */
    private static byte[] frame(List<byte[]> messages, MessageSecurity sec) throws IOException {
        boolean seal = sec != null && sec.encrypting();
        if (messages.size() == 1) { // the common case: no compound, no copy
            byte[] m = messages.get(0);
            if (sec != null && !seal && sec.signs(HeaderView.u16(m, HeaderView.OFF_COMMAND))) {
                sec.sign(m);
            }
            return seal ? sec.seal(m) : m;
        }
        int total = 0;
        for (byte[] m : messages) {
            total += (m.length + 7) & ~7;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(total);
        for (int i = 0; i < messages.size(); i++) {
            byte[] m = messages.get(i);
            boolean last = i == messages.size() - 1;
            if (!last) {
                int padded = (m.length + 7) & ~7;
                if (padded != m.length) {
                    m = java.util.Arrays.copyOf(m, padded);
                    messages.set(i, m);
                }
                HeaderView.put32(m, HeaderView.OFF_NEXT, m.length);
            }
            if (sec != null && !seal && sec.signs(HeaderView.u16(m, HeaderView.OFF_COMMAND))) {
                sec.sign(m);
            }
            out.writeBytes(m);
        }
        byte[] plain = out.toByteArray();
        return seal ? sec.seal(plain) : plain;
    }

    private void readLoop() {
        try {
            while (true) {
                byte[] frame = transport.receive();
                onFrame(frame);
            }
        } catch (IOException e) {
            fail(e);
        } catch (RuntimeException e) {
            fail(new SmbProtocolException("reader failed: " + e, e));
        }
    }

    private void onFrame(byte[] frame) throws IOException {
        boolean encrypted = false;
        byte[] plain = frame;
        if (HeaderView.isTransform(frame)) {
            if (frame.length < 52) {
                throw new SmbProtocolException("truncated transform header (" + frame.length + " bytes)");
            }
            long sessionId = HeaderView.u64(frame, 44);
            MessageSecurity sec = security.get(sessionId);
            if (sec == null) {
                throw new SmbProtocolException(String.format("encrypted message for unknown session 0x%016x", sessionId));
            }
            // a large message's plaintext goes into a pooled array, handed back as received frames are (recycle)
            plain = frame.length >= 52 + LARGE ? sec.open(frame, transport.buffer(frame.length - 52)) : sec.open(frame);
            encrypted = true;
            transport.recycle(frame); // only the plaintext lives on
        }
        for (byte[] m : split(plain)) {
            onMessage(m, encrypted);
        }
    }

    /** Splits a (decrypted) frame into its compound members, checking every NextCommand ([MS-SMB2] 3.2.5.1.9). */
    static List<byte[]> split(byte[] plain) throws SmbProtocolException {
        if (HeaderView.isSmb2(plain, 0) && HeaderView.i32(plain, HeaderView.OFF_NEXT) == 0) {
            return List.of(plain); // one message: no copy
        }
        List<byte[]> out = new ArrayList<>();
        int off = 0;
        while (true) {
            if (!HeaderView.isSmb2(plain, off)) {
                throw new SmbProtocolException("not an SMB2 message at offset " + off + " of a " + plain.length
                        + "-byte frame");
            }
            int next = HeaderView.i32(plain, off + HeaderView.OFF_NEXT);
            int end;
            if (next == 0) {
                end = plain.length;
            } else if (next < HeaderView.SIZE || (next & 7) != 0 || next > plain.length - off) {
                throw new SmbProtocolException("bad NextCommand " + next + " at offset " + off);
            } else {
                end = off + next;
            }
            out.add(java.util.Arrays.copyOfRange(plain, off, end));
            if (next == 0) {
                return out;
            }
            if (out.size() > 1024) {
                throw new SmbProtocolException("compound of more than 1024 messages");
            }
            off = end;
        }
    }

    private void onMessage(byte[] m, boolean encrypted) throws IOException {
        tap(WireTap.Direction.RECEIVED, m);
        int flags = HeaderView.i32(m, HeaderView.OFF_FLAGS);
        long messageId = HeaderView.u64(m, HeaderView.OFF_MESSAGE_ID);
        int status = HeaderView.i32(m, HeaderView.OFF_STATUS);
        credits.grant(HeaderView.u16(m, HeaderView.OFF_CREDITS));
        if ((flags & HeaderView.FLAG_RESPONSE) == 0) {
            throw new SmbProtocolException("server sent a request (message id " + messageId + ")");
        }
        if (messageId == UNSOLICITED) {
            return; // oplock/lease break notification: we never request oplocks, ignore
        }
        Pending p = pending.get(messageId);
        if (p == null) {
            if (abandoned.remove(messageId) != null) {
                return;
            }
            throw new SmbProtocolException("response with unexpected message id " + messageId);
        }
        boolean async = (flags & HeaderView.FLAG_ASYNC) != 0;
        if (async && status == HeaderView.STATUS_PENDING) {
            p.lastActivity = System.nanoTime();
            return;
        }
        if (!encrypted && status != HeaderView.STATUS_PENDING) {
            long sessionId = HeaderView.u64(m, HeaderView.OFF_SESSION_ID);
            MessageSecurity sec = sessionId == 0 ? null : security.get(sessionId);
            boolean signed = (flags & HeaderView.FLAG_SIGNED) != 0;
            if (status == USER_SESSION_DELETED) {
                // servers cannot sign this one (the session is gone): Windows and Samba leave it unsigned
                sec = null;
            }
            if (sec != null && signed && !sec.verify(m)) {
                pending.remove(messageId);
                p.completeExceptionally(new SmbProtocolException(String.format(
                        "bad signature on the response to message id %d (session 0x%016x)", messageId, sessionId)));
                return;
            }
            if (sec != null && !signed && (sec.signing() || sec.encrypting())) {
                pending.remove(messageId);
                p.completeExceptionally(new SmbProtocolException(String.format(
                        "unsigned response to message id %d on a signed session (status 0x%08x)", messageId, status)));
                return;
            }
        }
        pending.remove(messageId);
        p.complete(new Incoming(m, p.request, encrypted));
    }

    private void tap(WireTap.Direction direction, byte[] m) {
        if (tap == WireTap.NONE) {
            return;
        }
        Object decoded;
        try {
            decoded = decoder.apply(m);
        } catch (RuntimeException e) {
            decoded = "undecodable: " + e.getMessage();
        }
        try {
            tap.frame(direction, clock.instant(), m, decoded);
        } catch (RuntimeException ignored) {
            // a tap must not break the connection
        }
    }

    /**
     * Hands a received message back to the transport once its consumer is done with it (a bulk
     * READ's data has been written out), so the next frame of that size reuses the array. Not with
     * a wire tap, which was shown the message and may keep it.
     */
    void recycle(Incoming in) {
        if (tap == WireTap.NONE) {
            transport.recycle(in.message());
        }
    }

    /** Forgets a request whose caller gave up, so a late answer is not a protocol error. */
    void abandon(long messageId) {
        if (pending.remove(messageId) != null) {
            abandoned.put(messageId, Boolean.TRUE);
        }
    }

    private void fail(IOException e) {
        if (failure == null) {
            failure = e instanceof EOFException ? new EOFException("connection closed by " + transport.describe()) : e;
        }
        credits.close();
        for (Long id : List.copyOf(pending.keySet())) {
            Pending p = pending.remove(id);
            if (p != null) {
                p.completeExceptionally(failure);
            }
        }
        transport.close();
    }

    boolean isOpen() {
        return failure == null;
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
