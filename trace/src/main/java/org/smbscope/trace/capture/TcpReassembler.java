package org.smbscope.trace.capture;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts TCP segments back in order per direction: retransmitted bytes are dropped, out-of-order
 * segments wait (bounded by {@link #maxPendingBytes}) until the gap is filled. A gap that never
 * fills (a capture that lost packets) is skipped once the pending limit is reached, and the skip
 * is counted in {@link #gapsSkipped()} and handed on as a chunk with {@link StreamChunk#missing()}
 * set: the bytes are reported missing, never guessed. {@link #finish()} does the same at the end
 * of the capture for segments still waiting behind a gap. A segment held back is copied, so the
 * caller may reuse the array a segment points into once {@link #accept} returns; the chunks it
 * returns may point into that array (in-order segments pass uncopied).
 */
public final class TcpReassembler {
    private final int maxPendingBytes;
    private final Map<Conversation, Direction[]> conversations = new HashMap<>();
    private long gapsSkipped;
    private Conversation closed;

    public TcpReassembler(int maxPendingBytes) {
        this.maxPendingBytes = maxPendingBytes;
    }

    private static final class Direction {
        long next = -1; // next expected sequence number, -1 before the first segment
        final TreeMap<Long, Segment> pending = new TreeMap<>((a, b) -> Integer.compare((int) (a - b), 0));
        int pendingBytes;
        boolean fin;
        boolean midStream;
    }

    /** Whether a direction's first bytes came without its SYN (the capture began mid-stream). */
    public boolean startedMidStream(Conversation conv, boolean fromClient) {
        Direction[] dirs = conversations.get(conv);
        return dirs != null && dirs[fromClient ? 0 : 1].midStream;
    }

    public long gapsSkipped() {
        return gapsSkipped;
    }

    /** Feeds one TCP segment; returns the in-order bytes it makes available (possibly none). */
    public List<StreamChunk> accept(Segment s) {
        if (s.transport() != Segment.Transport.TCP) {
            throw new IllegalArgumentException("not a TCP segment");
        }
        Conversation conv = conversationOf(s);
        closed = null;
        boolean control = s.syn() || s.fin() || s.rst();
        if (s.length() == 0 && (!control || (!s.syn() && !conversations.containsKey(conv)))) {
            return List.of(); // a bare ACK, or the end of a conversation we hold nothing for
        }
        boolean fromClient = conv.client().equals(s.source());
        Direction[] dirs = conversations.computeIfAbsent(conv, c -> new Direction[] {new Direction(), new Direction()});
        Direction d = dirs[fromClient ? 0 : 1];
        long seq = s.seq();
        if (s.syn()) {
            d.next = (seq + 1) & 0xFFFFFFFFL;
            d.pending.clear();
            d.pendingBytes = 0;
            return List.of();
        }
        List<StreamChunk> out = new ArrayList<>();
        if (s.length() > 0) {
            if (d.next < 0) {
                d.next = seq; // capture started mid-stream
                d.midStream = true;
            }
            d.pending.merge(seq, s, (a, b) -> a.length() >= b.length() ? a : b);
            d.pendingBytes += s.length();
            drain(conv, fromClient, d, out);
            if (d.pendingBytes > maxPendingBytes && !d.pending.isEmpty()) {
                skipGap(conv, fromClient, d, out);
            }
            if (d.pending.get(seq) == s) { // kept for later: copy it out of the caller's array, which may be reused
                d.pending.put(seq, new Segment(s.frame(), s.time(), s.transport(), s.source(), s.destination(), s.tcpFlags(),
                        s.seq(), s.payload()));
            }
        }
        d.fin |= s.fin();
        if (s.rst() || (dirs[0].fin && dirs[1].fin)) { // the conversation is over: report what waits, drop it
            for (int i = 0; i < 2; i++) {
                while (!dirs[i].pending.isEmpty()) {
                    skipGap(conv, i == 0, dirs[i], out);
                }
            }
            conversations.remove(conv);
            closed = conv;
        }
        return out;
    }

    /**
     * The conversation of a segment that {@link #accept} would pass on at once as a view of its own bytes
     * (data in order, nothing waiting, no SYN, FIN or RST), without reading them; null otherwise.
     */
    public Conversation passesOn(Segment s) {
        if (s.transport() != Segment.Transport.TCP || s.length() == 0 || (s.tcpFlags() & 0x07) != 0) {
            return null;
        }
        Conversation conv = conversationOf(s);
        Direction[] dirs = conversations.get(conv);
        if (dirs == null) {
            return null;
        }
        Direction d = dirs[conv.client().equals(s.source()) ? 0 : 1];
        return d.next == s.seq() && d.pending.isEmpty() ? conv : null;
    }

    /**
     * Moves the stream past a segment {@link #passesOn} accepted, as {@link #accept} would, without handing
     * its bytes on (the caller has no use for them).
     */
    public void passOver(Segment s) {
        Conversation conv = passesOn(s);
        if (conv == null) {
            throw new IllegalStateException("not a segment passed on in order");
        }
        closed = null;
        Direction d = conversations.get(conv)[conv.client().equals(s.source()) ? 0 : 1];
        d.next = (d.next + s.length()) & 0xFFFFFFFFL;
    }

    /** The conversation the last {@link #accept} ended (both FINs or a RST) and dropped, or null. */
    public Conversation closed() {
        return closed;
    }

    private void skipGap(Conversation conv, boolean fromClient, Direction d, List<StreamChunk> out) {
        gapsSkipped++;
        long first = d.pending.firstKey();
        Segment s = d.pending.firstEntry().getValue();
        long missing = (first - d.next) & 0xFFFFFFFFL;
        out.add(new StreamChunk(conv, fromClient, s.frame(), s.time(), new byte[0], missing));
        d.next = first;
        drain(conv, fromClient, d, out);
    }

    /**
     * The end of the capture: segments still waiting behind a gap are handed on, each gap reported
     * as missing bytes; all state is dropped.
     */
    public List<StreamChunk> finish() {
        List<StreamChunk> out = new ArrayList<>();
        for (Map.Entry<Conversation, Direction[]> e : conversations.entrySet()) {
            for (int i = 0; i < 2; i++) {
                Direction d = e.getValue()[i];
                while (!d.pending.isEmpty()) {
                    skipGap(e.getKey(), i == 0, d, out);
                }
            }
        }
        conversations.clear();
        return out;
    }

    /** Conversations with state held (for tests of bounded memory). */
    public int conversations() {
        return conversations.size();
    }

    private static void drain(Conversation conv, boolean fromClient, Direction d, List<StreamChunk> out) {
        Map.Entry<Long, Segment> head = d.pending.firstEntry();
        if (head != null && head.getKey() == d.next) { // the usual case: in order, no overlap
            Long after = (d.next + head.getValue().length()) & 0xFFFFFFFFL;
            Map.Entry<Long, Segment> second = d.pending.higherEntry(head.getKey());
            if (second == null || (int) (second.getKey() - after) > 0) { // nothing else follows: hand it on uncopied
                Segment s = head.getValue();
                d.pending.pollFirstEntry();
                d.pendingBytes -= s.length();
                d.next = after;
                out.add(new StreamChunk(conv, fromClient, s.frame(), s.time(), s.bytes(), s.offset(), s.length(), 0));
                return;
            }
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        Segment last = null;
        while (!d.pending.isEmpty()) {
            Map.Entry<Long, Segment> e = d.pending.firstEntry();
            long seq = e.getKey();
            Segment p = e.getValue();
            int ahead = (int) (seq - d.next); // > 0: a gap before this segment
            if (ahead > 0) {
                break;
            }
            d.pending.pollFirstEntry();
            d.pendingBytes -= p.length();
            int skip = -ahead; // bytes already delivered (retransmission overlap)
            if (skip < p.length()) {
                buf.write(p.bytes(), p.offset() + skip, p.length() - skip);
                d.next = (d.next + (p.length() - skip)) & 0xFFFFFFFFL;
                last = e.getValue();
            }
        }
        if (buf.size() > 0) {
            out.add(new StreamChunk(conv, fromClient, last.frame(), last.time(), buf.toByteArray()));
        }
    }

    private Conversation conversationOf(Segment s) {
        Conversation forward = new Conversation(s.source(), s.destination());
        Conversation reverse = new Conversation(s.destination(), s.source());
        if (conversations.containsKey(forward)) {
            return forward;
        }
        if (conversations.containsKey(reverse)) {
            return reverse;
        }
        boolean sourceIsClient = s.syn() ? (s.tcpFlags() & 0x10) == 0 : s.source().port() > s.destination().port();
        return sourceIsClient ? forward : reverse;
    }
}
