package org.smbscope.trace.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.codec.smb2.EchoRequest;
import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.ReadResponse;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.Smb2Packet;
import org.smbscope.codec.smb2.WriteRequest;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.trace.capture.CaptureDecodeException;
import org.smbscope.trace.capture.CaptureReader;
import org.smbscope.trace.explain.Message;
import org.smbscope.trace.explain.MessageDecoder;
import org.smbscope.trace.explain.MessageSlimmer;

/**
 * {@link CaptureExchanges#slim}: the file data of large READ responses and WRITE requests is never copied,
 * and what comes out after decoding and slimming is exactly what the full path gives after slimming, for
 * segments in order, out of order, retransmitted, and for data too small to skip.
 */
class SlimExchangesTest {
    private static final int KEEP = 4096;

    private static byte[] read(long mid, int size) {
        byte[] data = new byte[size];
        for (int i = 0; i < size; i++) {
            data[i] = (byte) (i * 7 + mid);
        }
        return SyntheticTcp.framed(Smb2Codec.encode(Smb2Header.responseTo(Smb2Header.request(Smb2Command.READ, mid),
                NtStatus.SUCCESS, 1), ReadResponse.of(data)));
    }

    private static byte[] write(long mid, int size) {
        byte[] data = new byte[size];
        java.util.Arrays.fill(data, (byte) 0x5A);
        return SyntheticTcp.framed(Smb2Codec.encode(Smb2Header.request(Smb2Command.WRITE, mid),
                WriteRequest.of(new FileId(1, 2), 4096L * mid, ByteBuffer.wrap(data))));
    }

    private static byte[] echo(long mid) {
        return SyntheticTcp.framed(Smb2Codec.encode(Smb2Header.request(Smb2Command.ECHO, mid), new EchoRequest()));
    }

    /** Sends bytes in segments of {@code mss}. */
    private static void send(SyntheticTcp t, boolean fromClient, byte[] b, int mss) throws IOException {
        for (int off = 0; off < b.length; off += mss) {
            t.send(fromClient, b, off, Math.min(mss, b.length - off));
        }
    }

    private static byte[] capture() throws IOException {
        return SyntheticTcp.capture(t -> {
            send(t, false, read(1, 200_000), 16_000);                 // skipped, in order
            send(t, true, write(2, 100_000), 9_000);                  // skipped, another length
            send(t, false, read(3, 200_000), 16_000);                 // same length: the lent array again
            send(t, false, read(4, KEEP), 1_000);                     // data not larger than keepBytes: kept
            send(t, false, read(5, KEEP + 1), 1_000);                 // just larger: skipped
            byte[] r6 = read(6, 50_000);                              // out of order and retransmitted inside the data
            long seq = t.next(false);
            t.segment(false, seq, 0x18, r6, 0, 20_000);
            t.segment(false, seq + 30_000, 0x18, r6, 30_000, r6.length - 30_000);
            t.segment(false, seq + 20_000, 0x18, r6, 20_000, 10_000);
            t.segment(false, seq + 10_000, 0x18, r6, 10_000, 10_000); // a retransmission
            t.lose(false, r6.length);
            byte[] w7 = write(7, 10_000);                             // two messages in one segment
            byte[] e8 = echo(8);
            byte[] both = java.util.Arrays.copyOf(w7, w7.length + e8.length);
            System.arraycopy(e8, 0, both, w7.length, e8.length);
            send(t, true, both, 64_000);
            send(t, true, echo(9), 100);
        });
    }

    private record Seen(long index, long frame, Layer layer, String summary, String detail, byte[] payload, int dataLength) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Seen s && index == s.index && frame == s.frame && layer == s.layer && summary.equals(s.summary)
                    && detail.equals(s.detail) && java.util.Arrays.equals(payload, s.payload) && dataLength == s.dataLength;
        }

        @Override
        public int hashCode() {
            return summary.hashCode();
        }

        @Override
        public String toString() {
            return index + " " + summary + " " + payload.length + " bytes, data " + dataLength;
        }
    }

    private static Seen seen(Message m) {
        int data = -1;
        if (m.decoded() instanceof Smb2Packet p && p.message() instanceof ReadResponse r) {
            data = r.dataLength();
        } else if (m.decoded() instanceof Smb2Packet p && p.message() instanceof WriteRequest w) {
            data = w.dataLength();
        }
        return new Seen(m.exchange().index(), m.exchange().frame(), m.exchange().layer(), m.summary(), m.detail().render(),
                m.exchange().payload(), data);
    }

    private static List<Seen> analyze(CaptureExchanges x) throws IOException, CaptureDecodeException {
        return analyze(x, KEEP);
    }

    private static List<Seen> analyze(CaptureExchanges x, int keep) throws IOException, CaptureDecodeException {
        MessageSlimmer slimmer = new MessageSlimmer(keep);
        List<Seen> out = new ArrayList<>();
        try (x) {
            for (Exchange e; (e = x.next()) != null; ) {
                for (Message m : MessageDecoder.decode(e)) {
                    out.add(seen(slimmer.slim(m)));
                }
            }
        }
        return out;
    }

    @Test
    void slimExchangesDecodeAndSlimToWhatTheFullPathGives(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.pcap");
        Files.write(file, capture());
        List<Seen> full = analyze(new CaptureExchanges(CaptureReader.open(Files.newInputStream(file)),
                CaptureExchanges.Limits.DEFAULT));
        List<Seen> slim = analyze(CaptureExchanges.slim(CaptureReader.open(file), CaptureExchanges.Limits.DEFAULT, KEEP));
        assertThat(full).extracting(Seen::summary).containsExactly("SMB2 READ response", "SMB2 WRITE request",
                "SMB2 READ response", "SMB2 READ response", "SMB2 READ response", "SMB2 READ response", "SMB2 WRITE request",
                "SMB2 ECHO request", "SMB2 ECHO request");
        assertThat(full).extracting(Seen::dataLength).containsExactly(200_000, 100_000, 200_000, KEEP, KEEP + 1, 50_000,
                10_000, -1, -1);
        assertThat(slim).isEqualTo(full);
    }

    /** keepBytes past CaptureExchanges.MAX_SKIP_KEEP: nothing is skipped, the result is the same. */
    @Test
    void aLargeKeepBytesCopiesEverything(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.pcap");
        Files.write(file, capture());
        int keep = CaptureExchanges.MAX_SKIP_KEEP + 1;
        List<Seen> full = analyze(new CaptureExchanges(CaptureReader.open(Files.newInputStream(file)),
                CaptureExchanges.Limits.DEFAULT), keep);
        assertThat(analyze(CaptureExchanges.slim(CaptureReader.open(file), CaptureExchanges.Limits.DEFAULT, keep), keep))
                .isEqualTo(full).hasSize(9);
    }

    @Test
    void largeFileDataIsNeverCopied(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("c.pcap");
        Files.write(file, capture());
        try (CaptureExchanges x = CaptureExchanges.slim(CaptureReader.open(file), CaptureExchanges.Limits.DEFAULT, KEEP)) {
            Exchange r1 = x.next();
            byte[] first = r1.payload();
            assertThat(first).hasSize(200_000 + 0x50);
            // the wire's bytes up to keepBytes, zeros after them: the data past them was passed over
            assertThat(java.util.Arrays.copyOfRange(first, 0x50, 0x60)).isEqualTo(
                    java.util.Arrays.copyOfRange(read(1, 200_000), 4 + 0x50, 4 + 0x60));
            assertThat(java.util.Arrays.copyOfRange(first, KEEP, first.length)).containsOnly(0);
            x.next(); // the WRITE
            Exchange r3 = x.next();
            assertThat(r3.payload()).as("the array of an exchange already consumed is lent again").isSameAs(first);
            assertThat(Smb2Codec.decode(r3.payload()).header().messageId()).isEqualTo(3);
        }
    }
}
