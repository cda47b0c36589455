package org.smbscope.trace.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.smb2.EchoRequest;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.trace.capture.CaptureReader;
import org.smbscope.trace.explain.Explainer;

/**
 * A capture's TCP stream through reassembly and framing: out-of-order and retransmitted segments
 * give the messages as sent; lost segments are reported as a gap (bytes missing), never guessed,
 * and reading resumes at the next message boundary.
 */
class TcpGapsTest {
    private static byte[] echo(long mid) {
        return SyntheticTcp.framed(Smb2Codec.encode(Smb2Header.request(Smb2Command.ECHO, mid), new EchoRequest()));
    }

    private static List<Exchange> read(byte[] pcap, CaptureExchanges.Limits limits) throws Exception {
        try (CaptureExchanges x = new CaptureExchanges(CaptureReader.open(new ByteArrayInputStream(pcap)), limits)) {
            List<Exchange> out = new ArrayList<>();
            for (Exchange e; (e = x.next()) != null; ) {
                out.add(e);
            }
            return out;
        }
    }

    private static List<String> shape(List<Exchange> xs) {
        List<String> out = new ArrayList<>();
        for (Exchange e : xs) {
            if (e.layer() == Layer.GAP) {
                CaptureGap g = CaptureGap.of(e);
                out.add("GAP " + g.missing() + "/" + g.skipped());
            } else {
                long mid = 0;
                for (int i = 7; i >= 0; i--) {
                    mid = (mid << 8) | (e.payload()[24 + i] & 0xFF);
                }
                out.add(e.layer() + " " + mid);
            }
        }
        return out;
    }

    @Test
    void outOfOrderAndRetransmittedSegmentsGiveTheMessagesAsSent() throws Exception {
        byte[] m1 = echo(1);
        byte[] m2 = echo(2);
        byte[] m3 = echo(3);
        byte[] pcap = SyntheticTcp.capture(t -> {
            long s1 = t.next(true);
            t.send(true, m1);
            long s2 = t.next(true);
            t.lose(true, m2.length);
            t.segment(true, s2 + 30, 0x18, m2, 30, m2.length - 30); // second half first
            t.segment(true, s1, 0x18, m1, 0, m1.length); // retransmission of message 1
            t.segment(true, s2, 0x18, m2, 0, 40); // first half, overlapping the second by 10 bytes
            t.send(true, m3);
            t.segment(true, s2, 0x18, m2, 0, m2.length); // late retransmission of message 2
        });
        List<Exchange> xs = read(pcap, CaptureExchanges.Limits.DEFAULT);
        assertThat(shape(xs)).containsExactly("SMB2 1", "SMB2 2", "SMB2 3");
        assertThat(xs.get(1).payload()).isEqualTo(java.util.Arrays.copyOfRange(m2, 4, m2.length));
    }

    @Test
    void aLostMessageIsAGapAndTheNextMessageIsRead() throws Exception {
        byte[] m2 = echo(2);
        byte[] pcap = SyntheticTcp.capture(t -> {
            t.send(true, echo(1));
            t.lose(true, m2.length);
            t.send(true, echo(3));
        });
        List<Exchange> xs = read(pcap, CaptureExchanges.Limits.DEFAULT);
        assertThat(shape(xs)).containsExactly("SMB2 1", "GAP " + m2.length + "/0", "SMB2 3");
        String text = Explainer.explainExchanges(xs).render();
        assertThat(text).contains(m2.length + " bytes missing from the capture here");
        assertThat(text).contains("not guessed");
    }

    @Test
    void aGapInsideAMessageDropsItsPiecesAndResumesAtTheNextMessage() throws Exception {
        byte[] m2 = echo(2);
        for (CaptureExchanges.Limits limits : List.of(CaptureExchanges.Limits.DEFAULT,
                new CaptureExchanges.Limits(1 << 20, 10))) { // gap found at the end, or at once by the pending limit
            byte[] tailLost = SyntheticTcp.capture(t -> {
                t.send(true, echo(1));
                t.send(true, m2, 0, 20);
                t.lose(true, m2.length - 20);
                t.send(true, echo(3));
                t.send(true, echo(4));
            });
            assertThat(shape(read(tailLost, limits)))
                    .containsExactly("SMB2 1", "GAP " + (m2.length - 20) + "/20", "SMB2 3", "SMB2 4");
            byte[] headLost = SyntheticTcp.capture(t -> {
                t.send(true, echo(1));
                t.lose(true, 20);
                t.send(true, m2, 20, m2.length - 20);
                t.send(true, echo(3));
            });
            assertThat(shape(read(headLost, limits)))
                    .containsExactly("SMB2 1", "GAP 20/" + (m2.length - 20), "SMB2 3");
        }
    }

    @Test
    void aGapAtTheEndIsReported() throws Exception {
        byte[] pcap = SyntheticTcp.capture(t -> {
            t.send(true, echo(1));
            t.lose(true, 100);
            t.send(true, new byte[] {1, 2, 3, 4, 5, 6, 7});
        });
        assertThat(shape(read(pcap, CaptureExchanges.Limits.DEFAULT))).containsExactly("SMB2 1", "GAP 100/7");
    }

    @Test
    void aCaptureThatBeginsMidStreamPassesOverTheFirstBytes() throws Exception {
        byte[] m1 = echo(1);
        java.io.ByteArrayOutputStream bout = new java.io.ByteArrayOutputStream();
        SyntheticTcp t = new SyntheticTcp(bout); // no handshake
        t.send(true, m1, 30, m1.length - 30);
        t.send(true, echo(2));
        assertThat(shape(read(bout.toByteArray(), CaptureExchanges.Limits.DEFAULT)))
                .containsExactly("GAP 0/" + (m1.length - 30), "SMB2 2");
    }

    @Test
    void aLengthNoMessageHasIsPassedOverNotFatal() throws Exception {
        byte[] pcap = SyntheticTcp.capture(t -> {
            t.send(true, echo(1));
            t.send(true, new byte[] {0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFE, 'S', 'M', 'B', 0, 0});
            t.send(true, echo(2));
        });
        assertThat(shape(read(pcap, new CaptureExchanges.Limits(1 << 20, 1 << 20))))
                .containsExactly("SMB2 1", "GAP 0/10", "SMB2 2");
    }
}
