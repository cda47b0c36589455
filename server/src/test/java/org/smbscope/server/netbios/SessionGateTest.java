package org.smbscope.server.netbios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.smbscope.client.transport.NetbiosSessionTransport;
import org.smbscope.client.transport.TransportConfig;
import org.smbscope.codec.netbios.NegativeSessionResponse;
import org.smbscope.codec.netbios.NetbiosName;
import org.smbscope.codec.netbios.PositiveSessionResponse;
import org.smbscope.codec.netbios.SessionError;
import org.smbscope.codec.netbios.SessionFrameCodec;
import org.smbscope.codec.netbios.SessionKeepAlive;
import org.smbscope.codec.netbios.SessionMessage;
import org.smbscope.codec.netbios.SessionPacket;
import org.smbscope.codec.netbios.SessionRequest;
import org.smbscope.codec.wire.Hex;

/** The port-139 gate against our own client transport and against raw hand-made frames. */
class SessionGateTest {
    static final SessionFrameCodec CODEC = SessionFrameCodec.DEFAULT;
    final SessionGate gate = new SessionGate(Set.of(NetbiosName.of("FILESRV", 0x20), NetbiosName.of("ALIAS", 0x20)),
            Duration.ofSeconds(2));
    ServerSocket listener;
    CompletableFuture<SessionGate.Admission> admission;
    volatile Socket accepted;

    @BeforeEach
    void listen() throws IOException {
        listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        admission = CompletableFuture.supplyAsync(() -> {
            try {
                accepted = listener.accept();
                return gate.admit(accepted);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
    }

    @AfterEach
    void close() throws IOException {
        listener.close();
        if (accepted != null) {
            accepted.close();
        }
    }

    InetSocketAddress where() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    SessionGate.Admission result() throws Exception {
        return admission.get(5, TimeUnit.SECONDS);
    }

    @Test
    void ourClientCallingOurNameGetsASessionThatCarriesMessages() throws Exception {
        try (NetbiosSessionTransport t = NetbiosSessionTransport.connect(where(), "filesrv", "CLIENT",
                TransportConfig.defaults())) {
            SessionGate.Admission a = result();
            assertThat(a.accepted()).isTrue();
            assertThat(a.request().orElseThrow().calling()).isEqualTo(NetbiosName.of("CLIENT", 0x00));
            t.send(Hex.parse("ff 53 4d 42"));
            DataInputStream in = new DataInputStream(accepted.getInputStream());
            byte[] frame = new byte[8];
            in.readFully(frame);
            assertThat(CODEC.decode(frame)).isEqualTo(new SessionMessage(Hex.parse("ff 53 4d 42")));
            accepted.getOutputStream().write(CODEC.encode(new SessionKeepAlive()));
            accepted.getOutputStream().write(CODEC.encode(new SessionMessage(Hex.parse("fe 53 4d 42"))));
            assertThat(t.receive()).isEqualTo(Hex.parse("fe 53 4d 42"));
        }
    }

    @Test
    void aliasAndStarSmbserverAreAccepted() throws Exception {
        try (NetbiosSessionTransport t = NetbiosSessionTransport.connect(where(), "*SMBSERVER", "CLIENT",
                TransportConfig.defaults())) {
            assertThat(result().accepted()).isTrue();
        }
        assertThat(gate.accepts(NetbiosName.of("alias", 0x20))).isTrue();
        assertThat(gate.accepts(NetbiosName.of("FILESRV", 0x00))).isFalse();
        assertThat(gate.answer(new SessionRequest(NetbiosName.of("FILESRV", 0x20), NetbiosName.of("C", 0))))
                .isEqualTo(new PositiveSessionResponse());
    }

    @Test
    void theGateOfAConfigurationHoldsTheNameAndAliases() throws Exception {
        SessionGate g = SessionGate.of(org.smbscope.server.config.SmbConfParser.parse(
                "[global]\nnetbios name = box\nnetbios aliases = files nas\n", java.nio.file.Path.of(".")));
        assertThat(g.accepts(NetbiosName.of("BOX", 0x20))).isTrue();
        assertThat(g.accepts(NetbiosName.of("nas", 0x20))).isTrue();
        assertThat(g.accepts(NetbiosName.of("other", 0x20))).isFalse();
    }

    @Test
    void anotherNameIsRefusedWith0x82AndTheConnectionClosed() throws Exception {
        assertThatThrownBy(() -> NetbiosSessionTransport.connect(where(), "OTHER", "CLIENT", TransportConfig.defaults()))
                .isInstanceOf(IOException.class).hasMessageContaining("0x82 called name not present");
        SessionGate.Admission a = result();
        assertThat(a.accepted()).isFalse();
        assertThat(a.request().orElseThrow().called()).isEqualTo(NetbiosName.of("OTHER", 0x20));
        assertThat(a.reason()).contains("OTHER<20> is not ours");
        assertThat(accepted.isClosed()).isTrue();
    }

    SessionPacket exchange(byte[]... frames) throws Exception {
        try (Socket s = new Socket(listener.getInetAddress(), listener.getLocalPort())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            for (byte[] f : frames) {
                out.write(f);
            }
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] h = new byte[4];
            in.readFully(h);
            byte[] body = new byte[h[3] & 0xFF];
            in.readFully(body);
            assertThat(in.read()).as("the gate answers once").isIn(-1, 0);
            return CODEC.decodeBody(CODEC.decodeHeader(h), body);
        }
    }

    @Test
    void keepAlivesBeforeTheRequestAreSkipped() throws Exception {
        byte[] ka = CODEC.encode(new SessionKeepAlive());
        byte[] req = CODEC.encode(new SessionRequest(NetbiosName.of("FILESRV", 0x20), NetbiosName.of("C", 0)));
        try (Socket s = new Socket(listener.getInetAddress(), listener.getLocalPort())) {
            s.getOutputStream().write(ka);
            s.getOutputStream().write(ka);
            s.getOutputStream().write(req);
            byte[] answer = new DataInputStream(s.getInputStream()).readNBytes(4);
            assertThat(CODEC.decode(answer)).isEqualTo(new PositiveSessionResponse());
        }
        assertThat(result().accepted()).isTrue();
    }

    @Test
    void smbWithoutASessionRequestIsRefusedWithUnspecifiedError() throws Exception {
        assertThat(exchange(CODEC.encode(new SessionMessage(Hex.parse("ff 53 4d 42")))))
                .isEqualTo(new NegativeSessionResponse(SessionError.UNSPECIFIED_ERROR));
        assertThat(result().reason()).contains("before any session request");
    }

    @Test
    void anOversizedFrameIsRefusedBeforeReadingIt() throws Exception {
        assertThat(exchange(Hex.parse("81 01 ff ff")))
                .isEqualTo(new NegativeSessionResponse(SessionError.UNSPECIFIED_ERROR));
        assertThat(result().reason()).contains("exceeds the limit 510");
    }

    @Test
    void aMalformedRequestIsRefused() throws Exception {
        assertThat(exchange(Hex.parse("81 00 00 03 01 41 00")))
                .isEqualTo(new NegativeSessionResponse(SessionError.UNSPECIFIED_ERROR));
        assertThat(result().accepted()).isFalse();
    }

    @Test
    void silenceTimesOut() throws Exception {
        try (Socket s = new Socket(listener.getInetAddress(), listener.getLocalPort())) {
            SessionGate.Admission a = result();
            assertThat(a.accepted()).isFalse();
            assertThat(a.reason()).contains("no session request").contains("PT2S");
        }
    }

    @Test
    void aPeerThatHangsUpIsReported() throws Exception {
        new Socket(listener.getInetAddress(), listener.getLocalPort()).close();
        assertThat(result().reason()).contains("closed the connection");
    }
}
