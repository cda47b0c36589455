package org.smbscope.trace.event;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smbscope.trace.capture.CaptureDecodeException;
import org.smbscope.trace.capture.CaptureReader;
import org.smbscope.trace.capture.CapturedPacket;
import org.smbscope.trace.capture.Conversation;
import org.smbscope.trace.capture.Endpoint;
import org.smbscope.trace.capture.FileDataSkipper;
import org.smbscope.trace.capture.PacketDissector;
import org.smbscope.trace.capture.Segment;
import org.smbscope.trace.capture.SessionFramer;
import org.smbscope.trace.capture.StreamChunk;
import org.smbscope.trace.capture.TcpReassembler;

/**
 * Turns a capture into the stream of {@link Exchange}s: UDP 137/138 datagrams become NBNS/NBDS
 * exchanges, TCP 139/445 streams are reassembled and cut into session frames, each classified
 * by its protocol id; Kerberos on UDP 88 and TCP 88 (records reassembled across segments) becomes
 * KERBEROS exchanges carrying the bare message. Traffic on other ports is passed over. One capture in memory one frame at
 * a time, plus what TCP reassembly holds back.
 */
public final class CaptureExchanges implements AutoCloseable {
    /** Limits for reading a capture. */
    public record Limits(int maxFrame, int maxPendingTcpBytes) {
        public static final Limits DEFAULT = new Limits(16 * 1024 * 1024, 32 * 1024 * 1024);
    }

    private final CaptureReader reader;
    private final Limits limits;
    private final TcpReassembler tcp;
    private final Map<Way, SessionFramer> framers = new HashMap<>();
    /** Directions after a gap, waiting for a chunk that starts a message: the gap and the bytes passed over. */
    private final Map<Way, long[]> resyncing = new java.util.LinkedHashMap<>();
    private final Map<Way, StreamChunk> gapAt = new HashMap<>();
    private boolean finished;
    private final Deque<Exchange> ready = new ArrayDeque<>();
    private long index;

    /** Passes over file data nobody reads (see {@link #slim}); null: every byte is kept. */
    private final FileDataSkipper skipper;

    public CaptureExchanges(CaptureReader reader, Limits limits) {
        this(reader, limits, null);
    }

    private CaptureExchanges(CaptureReader reader, Limits limits, FileDataSkipper skipper) {
        this.reader = reader;
        this.limits = limits;
        this.tcp = new TcpReassembler(limits.maxPendingTcpBytes());
        this.skipper = skipper;
    }

    /**
     * Exchanges for a reader that drops file data after decoding (as {@code MessageSlimmer} with the same
     * {@code keepBytes} does): an SMB2 READ response or WRITE request alone in its frame whose data is longer
     * than {@code keepBytes} comes with zeros in place of its data past the first bytes, and its payload array
     * is valid only until the next call of {@link #next()} (decode and slim it before). Its data is never copied.
     * Everything else is as {@link #CaptureExchanges(CaptureReader, Limits)} delivers it.
     */
    public static CaptureExchanges slim(CaptureReader reader, Limits limits, int keepBytes) {
        // past MAX_SKIP_KEEP little would be skipped, and each direction would hold a probe that large
        return new CaptureExchanges(reader, limits, keepBytes <= MAX_SKIP_KEEP ? new FileDataSkipper(keepBytes) : null);
    }

    /** The largest keepBytes for which {@link #slim} passes file data over (larger: every byte is copied). */
    static final int MAX_SKIP_KEEP = 64 * 1024;

    /** The next exchange, or {@code null} at the end of the capture. */
    public Exchange next() throws IOException, CaptureDecodeException {
        if (skipper != null && ready.isEmpty()) {
            skipper.releaseAll(); // every exchange handed out so far was consumed
        }
        while (ready.isEmpty()) {
            CapturedPacket p = finished ? null : reader.nextHead(HEAD);
            if (p == null) {
                if (finished) {
                    return null;
                }
                finished = true;
                for (StreamChunk c : tcp.finish()) {
                    chunk(c);
                }
                endResync();
                continue;
            }
            Optional<Segment> seg = dissect(p);
            if (seg.isPresent()) {
                accept(seg.get());
            }
        }
        return ready.poll();
    }

    /** One direction of a TCP conversation. */
    private record Way(Conversation conversation, boolean fromClient) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Way w && fromClient == w.fromClient && conversation.equals(w.conversation);
        }

        @Override
        public int hashCode() {
            return 31 * conversation.hashCode() + (fromClient ? 1 : 0);
        }
    }

    /** Bytes of a frame read before deciding whether the rest is needed: link, IP and TCP headers. */
    private static final int HEAD = 256;

    /**
     * The segment in a frame of which {@link CaptureReader#nextHead} read the first {@link #HEAD} bytes. The
     * rest is read unless the segment is TCP payload that reassembly passes on at once and the session framer
     * passes over whole (file data nobody reads): then the payload is never touched.
     */
    private Optional<Segment> dissect(CapturedPacket p) throws IOException, CaptureDecodeException {
        if (p.length() <= HEAD) {
            return PacketDissector.dissect(p);
        }
        if (skipper != null) {
            Optional<Segment> seg;
            try {
                seg = PacketDissector.dissect(p);
            } catch (CaptureDecodeException e) {
                seg = Optional.empty(); // perhaps read past the head: decide on the whole frame
            }
            if (seg.isPresent() && seg.get().transport() == Segment.Transport.TCP && seg.get().offset() - p.offset() <= HEAD) {
                int passed = passedOver(seg.get());
                if (passed > 0) {
                    return passed == 1 ? seg : Optional.empty();
                }
            }
        }
        reader.completeView();
        return PacketDissector.dissect(p);
    }

    /**
     * Whether none of the segment's payload bytes will be read (in order, and inside file data being skipped):
     * 0 no; 1 yes, and the segment ends the frame (handle it as any other); 2 yes, and it was handled here
     * (the stream and the frame moved past it: what {@link #accept} would have done, without its work).
     */
    private int passedOver(Segment s) {
        Conversation conv = tcp.passesOn(s);
        if (conv == null) {
            return 0;
        }
        Way way = new Way(conv, conv.client().equals(s.source()));
        SessionFramer f = framers.get(way);
        if (f == null || resyncing.containsKey(way) || f.skipping() < s.length() || !isSessionPort(conv.server().port())) {
            return 0;
        }
        if (f.skipping() == s.length()) {
            return 1;
        }
        tcp.passOver(s);
        f.passOver(s.length());
        return 2;
    }

    /** How many TCP gaps (lost packets in the capture) were skipped. */
    public long gapsSkipped() {
        return tcp.gapsSkipped();
    }

    private void accept(Segment s) throws CaptureDecodeException {
        if (s.transport() == Segment.Transport.UDP) {
            Layer layer = udpLayer(s);
            if (layer != null) {
                boolean toServer = s.destination().port() == 137 || s.destination().port() == 138 || s.destination().port() == 88;
                Endpoint client = toServer ? s.source() : s.destination();
                Endpoint server = toServer ? s.destination() : s.source();
                ready.add(new Exchange(++index, s.frame(), s.time(), client, server,
                        toServer ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT, layer, s.payload()));
            }
            return;
        }
        if (s.length() == 0 && (s.tcpFlags() & 0x07) == 0) {
            return; // a bare ACK: nothing for reassembly (TcpReassembler#accept passes it over too)
        }
        boolean kerberos = s.source().port() == 88 || s.destination().port() == 88;
        if (!kerberos && !isSessionPort(s.source().port()) && !isSessionPort(s.destination().port())) {
            return;
        }
        for (StreamChunk c : tcp.accept(s)) {
            chunk(c);
        }
        Conversation closed = tcp.closed();
        if (closed != null) { // per-conversation state ends with the conversation
            for (Way key : List.of(new Way(closed, true), new Way(closed, false))) {
                framers.remove(key);
                long[] gap = resyncing.remove(key);
                StreamChunk at = gapAt.remove(key);
                if (gap != null) {
                    emitGap(at, gap);
                }
            }
        }
    }

    /** Reassembly and framing states held: they end with their conversation (both FINs or a RST). */
    public int statesHeld() {
        return tcp.conversations() + framers.size() + resyncing.size();
    }

    private void chunk(StreamChunk c) throws CaptureDecodeException {
        Way key = new Way(c.conversation(), c.fromClient());
        if (c.missing() > 0) {
            SessionFramer old = framers.remove(key);
            long[] gap = resyncing.computeIfAbsent(key, k -> new long[2]);
            gap[0] += c.missing();
            gap[1] += old == null ? 0 : old.buffered();
            gapAt.putIfAbsent(key, c);
            return;
        }
        long[] gap = resyncing.get(key);
        if (gap == null && !framers.containsKey(key) && tcp.startedMidStream(c.conversation(), c.fromClient())
                && messageStart(c) != 0) {
            // the first bytes of this direction do not start a message: the capture began mid-stream
            gap = new long[2];
            resyncing.put(key, gap);
            gapAt.put(key, c);
        }
        if (gap != null) {
            int start = messageStart(c);
            if (start < 0) {
                gap[1] += c.length();
                return;
            }
            gap[1] += start;
            resyncing.remove(key);
            emitGap(gapAt.remove(key), gap);
            if (start > 0) {
                c = new StreamChunk(c.conversation(), c.fromClient(), c.frame(), c.time(), c.bytes(), c.offset() + start,
                        c.length() - start, 0);
            }
        }
        SessionFramer f = framers.computeIfAbsent(key, k -> new SessionFramer(limits.maxFrame(), skipper));
        List<SessionFramer.Frame> frames;
        try {
            frames = f.accept(c.bytes(), c.offset(), c.length());
        } catch (CaptureDecodeException e) {
            // a length no message has: this is not a message boundary after all; find the next one
            framers.remove(key);
            resyncing.put(key, new long[] {0, c.length()});
            gapAt.put(key, c);
            return;
        }
        for (SessionFramer.Frame frame : frames) {
            emit(c, frame);
        }
    }

    private void endResync() {
        // in the order a hash map keyed by "conversation>" / "conversation<" puts them, as gaps were always reported
        Map<String, Way> order = new HashMap<>();
        for (Way w : resyncing.keySet()) {
            order.put(w.conversation() + (w.fromClient() ? ">" : "<"), w);
        }
        for (Way w : order.values()) {
            emitGap(gapAt.remove(w), resyncing.get(w));
        }
        resyncing.clear();
    }

    private void emitGap(StreamChunk c, long[] gap) {
        Conversation conv = c.conversation();
        ready.add(new Exchange(++index, c.frame(), c.time(), conv.client(), conv.server(),
                c.fromClient() ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT, Layer.GAP,
                new CaptureGap(gap[0], gap[1]).encode()));
    }

    /**
     * Where the first message after a gap starts in a chunk, or -1: a session header followed by
     * an SMB protocol id, an NBSS control packet, or (port 88) a length followed by a Kerberos
     * application tag. Bytes before it are passed over, never framed from a guessed boundary.
     */
    private static int messageStart(StreamChunk c) {
        byte[] d = c.data();
        Conversation conv = c.conversation();
        boolean kerberos = conv.server().port() == 88 || conv.client().port() == 88;
        if (!kerberos && d.length >= 4 && (d[0] & 0xFF) >= 0x81 && (d[0] & 0xFF) <= 0x85 && (d[1] & 0xFE) == 0) {
            return 0; // an NBSS control packet, only where a chunk starts: too short a pattern to search for
        }
        for (int i = 0; i + 5 <= d.length; i++) {
            if (kerberos) {
                int tag = d[i + 4] & 0xFF;
                if (d[i] == 0 && (tag == 0x6A || tag == 0x6B || tag == 0x6C || tag == 0x6D || tag == 0x6E
                        || tag == 0x6F || tag == 0x7E)) {
                    return i;
                }
                continue;
            }
            int type = d[i] & 0xFF;
            if (type == 0 && i + 8 <= d.length && d[i + 5] == 'S' && d[i + 6] == 'M' && d[i + 7] == 'B'
                    && (d[i + 4] & 0xFF) >= 0xFC) {
                return i;
            }
        }
        return -1;
    }

    private void emit(StreamChunk c, SessionFramer.Frame frame) {
        Conversation conv = c.conversation();
        Direction d = c.fromClient() ? Direction.CLIENT_TO_SERVER : Direction.SERVER_TO_CLIENT;
        if (conv.server().port() == 88 || conv.client().port() == 88) {
            // Kerberos over TCP, RFC 4120 7.2.2: a 4-byte length (top bit reserved) then the message;
            // the session framer's zero type byte and 24-bit length read the same prefix
            ready.add(new Exchange(++index, c.frame(), c.time(), conv.client(), conv.server(), d, Layer.KERBEROS,
                    frame.payload()));
            return;
        }
        Layer layer = frame.type() == 0 ? Layer.ofSmbPayload(frame.payload()) : Layer.NBSS;
        byte[] payload = frame.payload();
        if (layer == Layer.NBSS) {
            // keep the whole NBSS packet (type, flags, length) so its decoder sees what the wire had
            payload = withSessionHeader(frame);
        }
        ready.add(new Exchange(++index, c.frame(), c.time(), conv.client(), conv.server(), d, layer, payload));
    }

    private static byte[] withSessionHeader(SessionFramer.Frame frame) {
        byte[] p = frame.payload();
        byte[] out = new byte[p.length + 4];
        out[0] = (byte) frame.type();
        out[1] = (byte) ((p.length >> 16) & 0x01);
        out[2] = (byte) (p.length >> 8);
        out[3] = (byte) p.length;
        System.arraycopy(p, 0, out, 4, p.length);
        return out;
    }

    private static boolean isSessionPort(int port) {
        return port == 139 || port == 445;
    }

    private static Layer udpLayer(Segment s) {
        int sp = s.source().port();
        int dp = s.destination().port();
        if (sp == 137 || dp == 137) {
            return Layer.NBNS;
        }
        if (sp == 138 || dp == 138) {
            return Layer.NBDS;
        }
        if (sp == 88 || dp == 88) {
            return Layer.KERBEROS;
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
