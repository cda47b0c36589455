package org.smbscope.client.smb1;

import org.smbscope.client.FakeTransport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.smbscope.client.SmbProtocolException;
import org.smbscope.client.SmbTimeoutException;
import org.smbscope.client.WireTap;
import org.smbscope.codec.smb1.EchoMessage;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1Header;
import org.smbscope.codec.smb1.Smb1Packet;
import org.smbscope.codec.smb1.Smb1Signer;

/** MID multiplexing, the MaxMpxCount bound and signing sequence numbers of {@link Smb1Connection}. */
class Smb1ConnectionTest {
    static byte[] echo(int n) {
        return Smb1Packet.encode(Requests.header(Smb1Command.ECHO, true, 0, 77, 0, 0), new EchoMessage(false, 1, new byte[] {(byte) n}));
    }

    static int mid(byte[] m) {
        return (m[30] & 0xFF) | (m[31] & 0xFF) << 8;
    }

    /** The server's answer to {@code request}: same MID, REPLY, echoed payload. */
    static byte[] answer(byte[] request) throws Exception {
        Smb1Header h = Smb1Packet.decode(request).header();
        EchoMessage e = (EchoMessage) org.smbscope.codec.smb1.Smb1Messages.decode(request).get(0);
        return Smb1Packet.encode(h.reply(0), new EchoMessage(true, 1, e.data()));
    }

    static Smb1Connection connection(FakeTransport t, Duration timeout) {
        return new Smb1Connection(t, Clock.systemUTC(), timeout, WireTap.NONE);
    }

    @Test
    void answersOutOfOrderReachTheirCallers() throws Exception {
        FakeTransport t = new FakeTransport();
        try (Smb1Connection c = connection(t, Duration.ofSeconds(5))) {
            c.maxMpx(10);
            Smb1Connection.Pending a = c.send(echo(1));
            Smb1Connection.Pending b = c.send(echo(2));
            byte[] ra = t.nextSent();
            byte[] rb = t.nextSent();
            assertThat(mid(ra)).isNotEqualTo(mid(rb));
            t.reply(answer(rb));
            t.reply(answer(ra));
            assertThat(c.next(a)[c.next(b).length - 1]).isEqualTo((byte) 1);
            c.finish(a);
            c.finish(b);
        }
    }

    @Test
    void maxMpxCountBoundsRequestsInFlight() throws Exception {
        FakeTransport t = new FakeTransport();
        try (Smb1Connection c = connection(t, Duration.ofMillis(300))) {
            c.maxMpx(1);
            Smb1Connection.Pending a = c.send(echo(1));
            assertThatThrownBy(() -> c.send(echo(2))).isInstanceOf(SmbTimeoutException.class)
                    .hasMessageContaining("multiplex slot");
            t.reply(answer(t.nextSent()));
            c.next(a);
            c.finish(a);
            CompletableFuture<byte[]> second = CompletableFuture.supplyAsync(() -> {
                try {
                    return c.call(echo(3));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            t.reply(answer(t.nextSent()));
            assertThat(second.get()).isNotEmpty();
        }
    }

    @Test
    void signedRequestsUseEvenSequenceNumbersAndResponsesAreChecked() throws Exception {
        FakeTransport t = new FakeTransport();
        byte[] key = new byte[16];
        key[0] = 9;
        try (Smb1Connection c = connection(t, Duration.ofSeconds(5))) {
            c.maxMpx(4);
            c.activateSigning(key);
            Smb1Connection.Pending a = c.send(echo(1));
            byte[] req = t.nextSent();
            assertThat(Smb1Signer.verify(key, req, 2)).isTrue();
            assertThat(req[10] & 0x04).as("Flags2 SECURITY_SIGNATURE").isEqualTo(4);
            t.reply(Smb1Signer.sign(key, answer(req), 3));
            assertThat(c.next(a)).isNotEmpty();
            c.finish(a);
            Smb1Connection.Pending b = c.send(echo(2));
            byte[] req2 = t.nextSent();
            assertThat(Smb1Signer.verify(key, req2, 4)).isTrue();
            t.reply(Smb1Signer.sign(key, answer(req2), 4)); // wrong: must be 5
            assertThatThrownBy(() -> c.next(b)).isInstanceOf(SmbProtocolException.class).hasMessageContaining("bad signature");
            c.finish(b);
        }
    }

    @Test
    void aResponseWithAnUnknownMidBreaksTheConnection() throws Exception {
        FakeTransport t = new FakeTransport();
        try (Smb1Connection c = connection(t, Duration.ofSeconds(5))) {
            Smb1Connection.Pending a = c.send(echo(1));
            byte[] req = t.nextSent();
            byte[] resp = answer(req);
            resp[30] ^= 0x55;
            t.reply(resp);
            assertThatThrownBy(() -> c.next(a)).hasMessageContaining("unexpected MID");
            assertThatThrownBy(() -> c.send(echo(2))).hasMessageContaining("broken");
        }
    }

    @Test
    void anSmb2MessageIsAProtocolError() throws Exception {
        FakeTransport t = new FakeTransport();
        try (Smb1Connection c = connection(t, Duration.ofSeconds(5))) {
            Smb1Connection.Pending a = c.send(echo(1));
            t.nextSent();
            byte[] smb2 = new byte[64];
            smb2[0] = (byte) 0xFE;
            smb2[1] = 'S';
            smb2[2] = 'M';
            smb2[3] = 'B';
            t.reply(smb2);
            assertThatThrownBy(() -> c.next(a)).hasMessageContaining("not an SMB1 message");
        }
    }
}
