package org.smbscope.client.smb1;

import org.smbscope.client.FakeTransport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.smbscope.client.ClientConfig;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbDialect;
import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.smb1.Capabilities;
import org.smbscope.codec.smb1.NegotiateRequest;
import org.smbscope.codec.smb1.NegotiateResponse;
import org.smbscope.codec.smb1.SecurityMode;
import org.smbscope.codec.smb1.Smb1Messages;
import org.smbscope.codec.smb1.Smb1Packet;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.status.NtStatus;

/**
 * The multi-protocol SMB1 NEGOTIATE ([MS-SMB2] 3.2.4.2.2.1) played against a scripted server: the
 * offered dialect strings, the 0x0202 answer (no second NEGOTIATE), the 0x02FF wildcard (a real SMB2
 * NEGOTIATE with MessageId 1), an NT LM 0.12 answer, and the answers that must be refused.
 */
class MultiProtocolNegotiateUnitTest {
    static ClientConfig config(SmbDialect max) {
        return ClientConfig.builder().minDialect(SmbDialect.NT1).maxDialect(max).random(new java.util.Random(1)).build();
    }

    static byte[] smb2Negotiate(int dialect, long messageId) {
        org.smbscope.codec.smb2.NegotiateResponse r = new org.smbscope.codec.smb2.NegotiateResponse(
                org.smbscope.codec.smb2.SecurityMode.SIGNING_ENABLED, new Smb2Dialect(dialect), Guid.ZERO,
                org.smbscope.codec.smb2.Capabilities.NONE, 65536, 65536, 65536, FileTime.ZERO, FileTime.ZERO, new byte[0],
                List.of());
        return Smb2Codec.encode(Smb2Header.responseTo(Smb2Header.request(Smb2Command.NEGOTIATE, messageId), NtStatus.SUCCESS, 1), r);
    }

    static List<String> offered(byte[] smb1Negotiate) throws Exception {
        return ((NegotiateRequest) Smb1Messages.decode(smb1Negotiate).get(0)).dialects();
    }

    @Test
    void smb2002AnswerNeedsNoSecondNegotiate() throws Exception {
        FakeTransport t = new FakeTransport();
        t.reply(smb2Negotiate(0x0202, 0));
        try (SmbConnection c = Smb1Client.negotiate(t, config(SmbDialect.SMB2_02), "srv")) {
            assertThat(offered(t.nextSent())).containsExactly("NT LM 0.12", "SMB 2.002");
            assertThat(c.negotiated().dialect()).isEqualTo(SmbDialect.SMB2_02);
            assertThat(c.multiProtocol().orElseThrow().chosen()).isEqualTo("SMB 2.002");
            assertThat(t.sent).isEmpty();
        }
    }

    @Test
    void wildcardAnswerIsFollowedByAnSmb2NegotiateWithMessageId1() throws Exception {
        FakeTransport t = new FakeTransport();
        t.reply(smb2Negotiate(0x02FF, 0));
        CompletableFuture<SmbConnection> f = CompletableFuture.supplyAsync(() -> {
            try {
                return Smb1Client.negotiate(t, config(SmbDialect.SMB2_10), "srv");
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        assertThat(offered(t.nextSent())).containsExactly("NT LM 0.12", "SMB 2.002", "SMB 2.???");
        byte[] second = t.nextSent();
        Smb2Header h = Smb2Header.decode(second);
        assertThat(h.command()).isEqualTo(Smb2Command.NEGOTIATE);
        assertThat(h.messageId()).isEqualTo(1);
        t.reply(smb2Negotiate(0x0210, 1));
        try (SmbConnection c = f.get()) {
            assertThat(c.negotiated().dialect()).isEqualTo(SmbDialect.SMB2_10);
            assertThat(c.multiProtocol().orElseThrow().reason()).contains("wildcard", "2.1");
        }
    }

    @Test
    void ntLm012AnswerIsAnSmb1Connection() throws Exception {
        FakeTransport t = new FakeTransport();
        NegotiateResponse r = new NegotiateResponse(0, new SecurityMode(0x03), 50, 1, 16644, 65536, 0,
                new Capabilities(Capabilities.UNICODE | Capabilities.NT_SMBS | Capabilities.LARGE_READX), 0, 0,
                new byte[8], "GROUP", "SRV", null, null);
        t.reply(Smb1Packet.encode(Requests.header(org.smbscope.codec.smb1.Smb1Command.NEGOTIATE, false, 0, 1, 0, 0).reply(0), r));
        try (SmbConnection c = Smb1Client.negotiate(t, config(SmbDialect.SMB3_11), "srv")) {
            assertThat(c.negotiated().dialect()).isEqualTo(SmbDialect.NT1);
            assertThat(c.negotiated().maxReadSize()).isEqualTo(127 * 1024);
            assertThat(c.negotiated().maxWriteSize()).isEqualTo(16644 - 256);
            assertThat(c.multiProtocol().orElseThrow().chosen()).isEqualTo("NT LM 0.12");
        }
    }

    @Test
    void anotherSmb2DialectIsRefused() {
        FakeTransport t = new FakeTransport();
        t.reply(smb2Negotiate(0x0311, 0));
        assertThatThrownBy(() -> Smb1Client.negotiate(t, config(SmbDialect.SMB3_11), "srv"))
                .hasMessageContaining("only 0x0202 or 0x02FF");
    }

    @Test
    void noDialectIsRefusedWithAHint() {
        FakeTransport t = new FakeTransport();
        t.reply(Smb1Packet.encode(Requests.header(org.smbscope.codec.smb1.Smb1Command.NEGOTIATE, false, 0, 1, 0, 0).reply(0),
                NegotiateResponse.noDialect()));
        assertThatThrownBy(() -> Smb1Client.negotiate(t, config(SmbDialect.NT1), "srv"))
                .hasMessageContaining("none of the offered dialects").hasMessageContaining("server min protocol = NT1");
    }

    @Test
    void aSilentServerTimesOut() {
        FakeTransport t = new FakeTransport();
        ClientConfig c = config(SmbDialect.NT1).toBuilder().requestTimeout(java.time.Duration.ofMillis(200)).build();
        assertThatThrownBy(() -> Smb1Client.negotiate(t, c, "srv")).isInstanceOf(org.smbscope.client.SmbTimeoutException.class)
                .hasMessageContaining("no answer to the SMB1 NEGOTIATE");
    }
}
