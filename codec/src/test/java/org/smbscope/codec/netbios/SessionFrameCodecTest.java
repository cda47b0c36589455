package org.smbscope.codec.netbios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

/** Golden frames from /work/shared/captures/h_port139_nbss.pcapng (smbclient to Samba on port 139). */
class SessionFrameCodecTest {
    static final SessionFrameCodec CODEC = SessionFrameCodec.DEFAULT;

    /** Frame 5: session request to 127.0.0.10&lt;20&gt; from VM&lt;00&gt;. */
    static final byte[] SESSION_REQUEST = Hex.parse("""
        81                    # TYPE session request
        00                    # FLAGS (no length extension)
        00 44                 # LENGTH 68 = 2 * 34
        20 44 42 44 43 44 48 43 4f 44 41 43 4f 44 41 43 4f 44 42   # CALLED NAME "127.0.0.10" ...
           44 41 43 41 43 41 43 41 43 41 43 41              # "0", then 5 spaces
           43 41              # suffix 0x20
           00
        20 46 47 45 4e        # CALLING NAME "VM"
           43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41 43 41   # 13 spaces
           41 41              # suffix 0x00
           00
        """);

    /** Frame 7: positive session response. */
    static final byte[] POSITIVE = Hex.parse("82 00 00 00");

    @Test
    void sessionRequest() throws Exception {
        SessionPacket p = CODEC.decode(SESSION_REQUEST);
        assertThat(p).isEqualTo(new SessionRequest(NetbiosName.of("127.0.0.10", 0x20), NetbiosName.of("VM", 0x00)));
        assertThat(CODEC.encode(p)).isEqualTo(SESSION_REQUEST);
        assertThat(p.detail().render()).isEqualTo("""
            NetBIOS Session Service
              Message Type: Session request (0x81)
              Flags: 0x00
              Length: 68
              Called name: 127.0.0.10<20> (File Server Service)
              Calling name: VM<00> (Workstation Service)
            """);
    }

    @Test
    void positiveResponse() throws Exception {
        assertThat(CODEC.decode(POSITIVE)).isEqualTo(new PositiveSessionResponse());
        assertThat(CODEC.encode(new PositiveSessionResponse())).isEqualTo(POSITIVE);
    }

    @Test
    void negativeResponsesWithEveryRfcCode() throws Exception {
        int[] codes = {0x80, 0x81, 0x82, 0x83, 0x8f};
        String[] meanings = {"Not listening on called name", "Not listening for calling name",
            "Called name not present", "Called name present, but insufficient resources", "Unspecified error"};
        for (int i = 0; i < codes.length; i++) {
            byte[] wire = {(byte) 0x83, 0, 0, 1, (byte) codes[i]};
            SessionPacket p = CODEC.decode(wire);
            assertThat(p).isEqualTo(new NegativeSessionResponse(SessionError.of(codes[i])));
            assertThat(((NegativeSessionResponse) p).error().meaning()).isEqualTo(meanings[i]);
            assertThat(CODEC.encode(p)).isEqualTo(wire);
        }
        assertThat(SessionError.of(0x42).name()).isEqualTo("UNKNOWN(0x42)");
        assertThat(CODEC.decode(Hex.parse("83 00 00 01 82")).detail().render())
                .contains("Error code: Called name not present (0x82)");
    }

    @Test
    void retargetAndKeepAlive() throws Exception {
        byte[] retarget = Hex.parse("84 00 00 06  c0 a8 01 0a  00 8b"); // 192.168.1.10 port 139
        SessionPacket p = CODEC.decode(retarget);
        assertThat(p).isEqualTo(new RetargetSessionResponse(
                (Inet4Address) InetAddress.getByName("192.168.1.10"), 139));
        assertThat(CODEC.encode(p)).isEqualTo(retarget);
        assertThat(CODEC.decode(Hex.parse("85 00 00 00"))).isEqualTo(new SessionKeepAlive());
    }

    @Test
    void sessionMessageWithLengthExtension() throws Exception {
        byte[] payload = new byte[0x10005];
        payload[0] = (byte) 0xfe;
        byte[] frame = CODEC.encode(new SessionMessage(payload));
        assertThat(Arrays.copyOf(frame, 4)).isEqualTo(Hex.parse("00 01 00 05")); // E bit, 17-bit length
        SessionFrameHeader h = CODEC.decodeHeader(frame);
        assertThat(h.length()).isEqualTo(0x10005);
        assertThat(CODEC.decode(frame)).isEqualTo(new SessionMessage(payload));
        assertThat(CODEC.messageHeader(0x10005)).isEqualTo(Hex.parse("00 01 00 05"));
    }

    @Test
    void decodeFromABufferWaitsForAWholeFrame() throws Exception {
        ByteBuffer buf = ByteBuffer.allocate(64);
        buf.put(POSITIVE).put(SESSION_REQUEST, 0, 10).flip();
        assertThat(CODEC.decode(buf)).contains(new PositiveSessionResponse());
        assertThat(CODEC.decode(buf)).isEmpty();
        assertThat(buf.remaining()).isEqualTo(10);
    }

    @Test
    void unknownTypeKeepsItsNumber() throws Exception {
        SessionPacket p = CODEC.decode(Hex.parse("86 00 00 02 ab cd"));
        assertThat(p.type().value()).isEqualTo(0x86);
        assertThat(p.type().name()).isEqualTo("UNKNOWN(0x86)");
        assertThat(CODEC.encode(p)).isEqualTo(Hex.parse("86 00 00 02 ab cd"));
    }

    private static NetbiosDecodeException failure(SessionFrameCodec codec, byte[] wire) {
        try {
            codec.decode(wire);
        } catch (NetbiosDecodeException e) {
            assertThat(e.protocol()).isEqualTo("NBSS");
            return e;
        }
        throw new AssertionError("decoded");
    }

    @Test
    void hostileFrames() {
        assertThat(failure(CODEC, Hex.parse("82 00")).field()).isEqualTo("Length");
        assertThat(failure(CODEC, Hex.parse("00 00 00 10 01 02")).detail())
                .isEqualTo("header says 16 bytes, 2 follow");
        assertThat(failure(new SessionFrameCodec(1024), Hex.parse("00 01 00 00")).detail())
                .contains("exceeds the limit 1024");
        assertThat(failure(CODEC, Hex.parse("82 00 00 01 00")).detail()).contains("unexpected trailing");
        assertThat(failure(CODEC, Hex.parse("83 00 00 00")).field()).isEqualTo("Error code");
        byte[] truncatedRequest = Arrays.copyOf(SESSION_REQUEST, 40);
        truncatedRequest[3] = 36;
        assertThat(failure(CODEC, truncatedRequest).field()).isEqualTo("Calling name");
        assertThatThrownBy(() -> new SessionFrameCodec(1 << 17)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void directTcpFraming() throws Exception {
        DirectTcpFraming f = DirectTcpFraming.DEFAULT;
        assertThat(f.decodeLength(Hex.parse("00 00 00 e4"))).isEqualTo(228);
        assertThat(f.header(0x123456)).isEqualTo(Hex.parse("00 12 34 56"));
        byte[] framed = f.frame(Hex.parse("fe 53 4d 42"));
        assertThat(framed).isEqualTo(Hex.parse("00 00 00 04 fe 53 4d 42"));
        assertThat(f.unframe(framed)).isEqualTo(Hex.parse("fe 53 4d 42"));
        assertThatThrownBy(() -> f.decodeLength(Hex.parse("81 00 00 44")))
                .isInstanceOf(NetbiosDecodeException.class).hasMessageContaining("first byte 0x81 is not zero");
        assertThatThrownBy(() -> new DirectTcpFraming(1000).decodeLength(Hex.parse("00 00 10 00")))
                .isInstanceOf(NetbiosDecodeException.class).hasMessageContaining("exceeds the limit 1000");
        assertThatThrownBy(() -> f.decodeLength(Hex.parse("00 00")))
                .isInstanceOf(NetbiosDecodeException.class);
        assertThatThrownBy(() -> f.unframe(Hex.parse("00 00 00 05 01")))
                .isInstanceOf(NetbiosDecodeException.class).hasMessageContaining("header says 5 bytes, 1 follow");
    }
}
