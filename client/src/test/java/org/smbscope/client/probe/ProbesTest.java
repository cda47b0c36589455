package org.smbscope.client.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.SessionFrameCodec;
import org.smbscope.codec.netbios.SessionPacket;
import org.smbscope.codec.netbios.SessionRequest;
import org.smbscope.codec.smb1.NegotiateRequest;
import org.smbscope.codec.smb1.Smb1Messages;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.smb2.Smb2Packet;

/** The probes against a scripted loopback peer: what they send, and what they record. */
class ProbesTest {
    static final ProbeConfig CONFIG = new ProbeConfig(Duration.ofSeconds(2),
            Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC), new Random(7), true, "PROBE");

    /** A one-connection peer: reads frames and answers each with the next scripted reply (null: close). */
    static final class Peer implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        final List<byte[]> received = new ArrayList<>();
        final CompletableFuture<Void> done;

        Peer(byte[]... replies) throws IOException {
            done = CompletableFuture.runAsync(() -> {
                try (Socket s = server.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    OutputStream out = s.getOutputStream();
                    for (byte[] reply : replies) {
                        byte[] h = new byte[4];
                        in.readFully(h);
                        int len = ((h[1] & 0xFF) << 16) | ((h[2] & 0xFF) << 8) | (h[3] & 0xFF);
                        byte[] body = new byte[len];
                        in.readFully(body);
                        byte[] whole = new byte[len + 4];
                        System.arraycopy(h, 0, whole, 0, 4);
                        System.arraycopy(body, 0, whole, 4, len);
                        received.add(whole);
                        if (reply == null) {
                            return;
                        }
                        out.write(reply);
                        out.flush();
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }

        InetSocketAddress address() {
            return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    void closedPortIsRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ProbeResult r = Probes.tcp(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONFIG);
        assertThat(r.connected()).isFalse();
        assertThat(r.error()).contains("connection refused");
        assertThat(r.frames()).isEmpty();
    }

    @Test
    void smb1NegotiateOffersNtLm012AndRecordsTheClose() throws Exception {
        try (Peer peer = new Peer((byte[]) null)) {
            ProbeResult r = Probes.smb1Negotiate(Probes.Route.direct(peer.address()), CONFIG);
            peer.done.get();
            assertThat(r.connected()).isTrue();
            assertThat(r.error()).contains("connection closed by the server");
            assertThat(r.frames()).hasSize(1);
            byte[] sent = r.frames().get(0).bytes();
            assertThat(Smb1Messages.decode(sent)).singleElement()
                    .isEqualTo(new NegotiateRequest(List.of("NT LM 0.12")));
            assertThat(peer.received.get(0)[0]).isZero();
            assertThat((sent[10] & 0xFF) | (sent[11] & 0xFF) << 8).as("Flags2 (offset 10): signing required")
                    .matches(f -> (f & 0x0014) == 0x0014);
        }
    }

    @Test
    void smb2NegotiateOffersExactlyTheDialectWithContextsFor311() throws Exception {
        try (Peer peer = new Peer((byte[]) null)) {
            ProbeResult r = Probes.smb2Negotiate(Probes.Route.direct(peer.address()), List.of(Smb2Dialect.SMB_3_1_1), CONFIG);
            peer.done.get();
            Smb2Packet p = Smb2Codec.decode(r.frames().get(0).bytes());
            var q = (org.smbscope.codec.smb2.NegotiateRequest) p.message();
            assertThat(q.dialects()).containsExactly(Smb2Dialect.SMB_3_1_1);
            assertThat(q.contexts()).hasSize(2);
            assertThat(q.securityMode().value()).isEqualTo(3);
        }
    }

    @Test
    void netbiosRouteSendsTheSessionRequestFirstAndStopsOnARefusal() throws Exception {
        byte[] negative = {(byte) 0x83, 0, 0, 1, (byte) 0x82};
        try (Peer peer = new Peer(negative)) {
            ProbeResult r = Probes.smb1Negotiate(new Probes.Route(peer.address(), NetbiosName.of("LAB10", 0x20)), CONFIG);
            peer.done.get();
            assertThat(r.error()).contains("the NetBIOS session was refused");
            assertThat(r.frames()).hasSize(2);
            assertThat(r.frames()).allMatch(ProbeFrame::control);
            SessionPacket req = SessionFrameCodec.DEFAULT.decode(r.frames().get(0).bytes());
            assertThat(req).isEqualTo(new SessionRequest(NetbiosName.of("LAB10", 0x20), NetbiosName.of("PROBE", 0)));
            assertThat(r.lastReceived()).isPresent();
        }
    }
}
