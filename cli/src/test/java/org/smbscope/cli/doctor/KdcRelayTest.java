package org.smbscope.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.trace.event.Direction;
import org.smbscope.trace.event.Exchange;
import org.smbscope.trace.event.Layer;

/** The relay forwards records both ways and logs their bodies as KERBEROS exchanges. */
class KdcRelayTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC);

    static byte[] record(int... body) {
        byte[] r = new byte[4 + body.length];
        r[3] = (byte) body.length;
        for (int i = 0; i < body.length; i++) {
            r[4 + i] = (byte) body[i];
        }
        return r;
    }

    /** A KDC that answers each record with {@code reply}, or closes without answering when null. */
    static ServerSocket fakeKdc(byte[] reply) throws IOException {
        ServerSocket kdc = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            try (Socket s = kdc.accept()) {
                KdcRelay.readRecord(new DataInputStream(s.getInputStream()));
                if (reply != null) {
                    s.getOutputStream().write(reply);
                }
            } catch (IOException e) {
                // test ends
            }
        });
        return kdc;
    }

    @Test
    void requestAndAnswerAreForwardedAndLogged() throws Exception {
        ExchangeLog log = new ExchangeLog();
        try (ServerSocket kdc = fakeKdc(record(0x7e, 1, 2));
             KdcRelay relay = new KdcRelay(new InetSocketAddress(InetAddress.getLoopbackAddress(), kdc.getLocalPort()),
                     log, Duration.ofSeconds(2), CLOCK);
             Socket c = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(relay.address().split(":")[1]))) {
            c.getOutputStream().write(record(0x6a, 9));
            byte[] answer = KdcRelay.readRecord(new DataInputStream(c.getInputStream()));
            assertThat(answer).isEqualTo(record(0x7e, 1, 2));
        }
        List<Exchange> x = log.exchanges();
        assertThat(x).hasSize(2).allMatch(e -> e.layer() == Layer.KERBEROS);
        assertThat(x.get(0).direction()).isEqualTo(Direction.CLIENT_TO_SERVER);
        assertThat(x.get(0).payload()).containsExactly(0x6a, 9);
        assertThat(x.get(1).direction()).isEqualTo(Direction.SERVER_TO_CLIENT);
        assertThat(x.get(1).payload()).containsExactly(0x7e, 1, 2);
        assertThat(x.get(0).server().port()).isNotEqualTo(88);
    }

    @Test
    void aKdcThatDoesNotAnswerLeavesTheRequestAlone() throws Exception {
        ExchangeLog log = new ExchangeLog();
        try (ServerSocket kdc = fakeKdc(null);
             KdcRelay relay = new KdcRelay(new InetSocketAddress(InetAddress.getLoopbackAddress(), kdc.getLocalPort()),
                     log, Duration.ofSeconds(2), CLOCK);
             Socket c = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(relay.address().split(":")[1]))) {
            c.getOutputStream().write(record(0x6a, 9));
            assertThat(c.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(log.exchanges()).singleElement().satisfies(e ->
                assertThat(e.direction()).isEqualTo(Direction.CLIENT_TO_SERVER));
    }

    @Test
    void anUnreachableKdcStillLogsTheRequest() throws Exception {
        ExchangeLog log = new ExchangeLog();
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (KdcRelay relay = new KdcRelay(new InetSocketAddress(InetAddress.getLoopbackAddress(), closed), log,
                Duration.ofSeconds(2), CLOCK);
             Socket c = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(relay.address().split(":")[1]))) {
            c.getOutputStream().write(record(0x6a, 9));
            assertThat(c.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(log.exchanges()).singleElement().satisfies(e ->
                assertThat(e.server().port()).isEqualTo(closed));
    }

    @Test
    void oversizedRecordsAreRefused() {
        byte[] huge = {0x7f, 0, 0, 0};
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> KdcRelay.readRecord(new java.io.ByteArrayInputStream(huge)))
                .isInstanceOf(IOException.class).hasMessageContaining("limit");
    }
}
