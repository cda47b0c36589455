package org.smbscope.trace.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The stream path of a capture: TCP reassembly then session framing, byte by byte and in big pieces. */
class StreamPathTest {
    private static final Endpoint CLIENT = endpoint(2, 50000);
    private static final Endpoint SERVER = endpoint(3, 445);

    private static Endpoint endpoint(int host, int port) {
        try {
            return new Endpoint(InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) host}), port);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Segment segment(long seq, byte[] payload) {
        return new Segment(seq, Instant.EPOCH, Segment.Transport.TCP, CLIENT, SERVER, 0x18, seq, payload);
    }

    private static byte[] bytes(int from, int count) {
        byte[] b = new byte[count];
        for (int i = 0; i < count; i++) {
            b[i] = (byte) (from + i);
        }
        return b;
    }

    @Test
    void inOrderSegmentsPassUncopiedAndOutOfOrderOnesWaitForTheGap() {
        TcpReassembler tcp = new TcpReassembler(1 << 20);
        byte[] a = bytes(0, 10);
        List<StreamChunk> first = tcp.accept(segment(1000, a));
        assertThat(first).hasSize(1);
        assertThat(first.get(0).data()).isSameAs(a);
        assertThat(tcp.accept(segment(1020, bytes(20, 10)))).isEmpty(); // a gap of 10 bytes
        List<StreamChunk> filled = tcp.accept(segment(1010, bytes(10, 10)));
        assertThat(filled).hasSize(1);
        assertThat(filled.get(0).data()).isEqualTo(bytes(10, 20));
        List<StreamChunk> overlap = tcp.accept(segment(1025, bytes(25, 10))); // 5 bytes retransmitted
        assertThat(overlap.get(0).data()).isEqualTo(bytes(30, 5));
    }

    @Test
    void sequenceNumbersWrapAround() {
        TcpReassembler tcp = new TcpReassembler(1 << 20);
        tcp.accept(segment(0xFFFF_FFFAL, bytes(0, 6)));
        List<StreamChunk> next = tcp.accept(segment(0, bytes(6, 4)));
        assertThat(next.get(0).data()).isEqualTo(bytes(6, 4));
    }

    private static byte[] frame(int type, byte[] payload) {
        byte[] f = new byte[4 + payload.length];
        f[0] = (byte) type;
        f[1] = (byte) (payload.length >>> 16);
        f[2] = (byte) (payload.length >>> 8);
        f[3] = (byte) payload.length;
        System.arraycopy(payload, 0, f, 4, payload.length);
        return f;
    }

    @Test
    void framesComeOutWholeWhateverTheChunking() throws CaptureDecodeException {
        byte[] big = bytes(7, 300_000);
        byte[] stream = concat(frame(0, bytes(1, 70)), frame(0x85, new byte[0]), frame(0, big), frame(0, bytes(3, 5)));
        for (int chunk : new int[] {1, 3, 4, 1000, 65_536, stream.length}) {
            SessionFramer f = new SessionFramer(1 << 20);
            List<SessionFramer.Frame> out = new ArrayList<>();
            for (int off = 0; off < stream.length; off += chunk) {
                out.addAll(f.accept(java.util.Arrays.copyOfRange(stream, off, Math.min(stream.length, off + chunk))));
            }
            assertThat(out).extracting(SessionFramer.Frame::type).containsExactly(0, 0x85, 0, 0);
            assertThat(out.get(0).payload()).isEqualTo(bytes(1, 70));
            assertThat(out.get(1).payload()).isEmpty();
            assertThat(out.get(2).payload()).isEqualTo(big);
            assertThat(out.get(3).payload()).isEqualTo(bytes(3, 5));
            assertThat(f.buffered()).isZero();
        }
    }

    @Test
    void partialFrameIsCountedAsBuffered() throws CaptureDecodeException {
        SessionFramer f = new SessionFramer(1 << 20);
        assertThat(f.accept(new byte[] {0, 0})).isEmpty();
        assertThat(f.buffered()).isEqualTo(2);
        assertThat(f.accept(new byte[] {1, 0, 9, 9})).isEmpty();
        assertThat(f.buffered()).isEqualTo(6);
    }

    @Test
    void frameOverTheLimitFailsBeforeAnythingIsAllocated() {
        SessionFramer f = new SessionFramer(1000);
        assertThatThrownBy(() -> f.accept(new byte[] {0, 0x7f, (byte) 0xff, (byte) 0xff}))
                .isInstanceOf(CaptureDecodeException.class).hasMessageContaining("over the limit");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
