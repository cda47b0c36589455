package org.smbscope.trace.event;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.smbscope.trace.capture.CaptureDecodeException;
import org.smbscope.trace.capture.CaptureReader;
import org.smbscope.trace.capture.CapturedPacket;
import org.smbscope.trace.capture.Conversation;
import org.smbscope.trace.capture.Endpoint;
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
    private final Map<String, SessionFramer> framers = new HashMap<>();
    private final Deque<Exchange> ready = new ArrayDeque<>();
    private long index;

    public CaptureExchanges(CaptureReader reader, Limits limits) {
        this.reader = reader;
        this.limits = limits;
        this.tcp = new TcpReassembler(limits.maxPendingTcpBytes());
    }

    /** The next exchange, or {@code null} at the end of the capture. */
    public Exchange next() throws IOException, CaptureDecodeException {
        while (ready.isEmpty()) {
            CapturedPacket p = reader.next();
            if (p == null) {
                return null;
            }
            Optional<Segment> seg = PacketDissector.dissect(p);
            if (seg.isPresent()) {
                accept(seg.get());
            }
        }
        return ready.poll();
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
        boolean kerberos = s.source().port() == 88 || s.destination().port() == 88;
        if (!kerberos && !isSessionPort(s.source().port()) && !isSessionPort(s.destination().port())) {
            return;
        }
        for (StreamChunk c : tcp.accept(s)) {
            String key = c.conversation() + (c.fromClient() ? ">" : "<");
            SessionFramer f = framers.computeIfAbsent(key, k -> new SessionFramer(limits.maxFrame()));
            for (SessionFramer.Frame frame : f.accept(c.data())) {
                emit(c, frame);
            }
        }
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
