package org.smbscope.trace.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.smb2.EchoRequest;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.trace.capture.CaptureReader;

/** Per-conversation state ends with the conversation, so many short conversations cost nothing once over. */
class ConversationStateTest {
    private static final byte[] ECHO = SyntheticTcp.framed(
            Smb2Codec.encode(Smb2Header.request(Smb2Command.ECHO, 1), new EchoRequest()));

    @Test
    void closedConversationsLeaveNoState() throws Exception {
        byte[] pcap = SyntheticTcp.capture(t -> {
            t.close(true, 0x04); // the first conversation (port 50000, handshake only) is reset
            for (int port = 1024; port < 6024; port++) {
                t.clientPort = port;
                t.handshake();
                t.send(true, ECHO, 0, 10); // split across two segments
                t.send(true, ECHO, 10, ECHO.length - 10);
                if (port % 2 == 0) {
                    t.close(true, 0x11);
                    t.close(false, 0x11);
                    t.close(true, 0x10); // the last ACK: no new state
                } else {
                    t.close(false, 0x14);
                }
            }
        });
        try (CaptureExchanges x = new CaptureExchanges(CaptureReader.open(new ByteArrayInputStream(pcap)),
                CaptureExchanges.Limits.DEFAULT)) {
            int messages = 0;
            int maxHeld = 0;
            for (Exchange e; (e = x.next()) != null; ) {
                assertThat(e.layer()).isEqualTo(Layer.SMB2);
                messages++;
                maxHeld = Math.max(maxHeld, x.statesHeld());
            }
            assertThat(messages).isEqualTo(5000);
            assertThat(maxHeld).isLessThanOrEqualTo(3);
            assertThat(x.statesHeld()).isZero();
        }
    }

    @Test
    void aResetWithDataStillBehindAGapReportsTheGap() throws Exception {
        byte[] pcap = SyntheticTcp.capture(t -> {
            t.send(true, ECHO);
            t.lose(true, 30);
            t.send(true, ECHO);
            t.close(false, 0x14);
        });
        try (CaptureExchanges x = new CaptureExchanges(CaptureReader.open(new ByteArrayInputStream(pcap)),
                CaptureExchanges.Limits.DEFAULT)) {
            assertThat(x.next().layer()).isEqualTo(Layer.SMB2);
            Exchange gap = x.next();
            assertThat(gap.layer()).isEqualTo(Layer.GAP);
            assertThat(CaptureGap.of(gap).missing()).isEqualTo(30);
            assertThat(x.next().layer()).isEqualTo(Layer.SMB2);
            assertThat(x.next()).isNull();
            assertThat(x.statesHeld()).isZero();
        }
    }
}
