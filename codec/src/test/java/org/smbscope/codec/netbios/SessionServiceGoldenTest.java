package org.smbscope.codec.netbios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

/**
 * Session service packets from Samba's smbclient against smbd on port 139
 * (shared/captures/h_port139_nbss.pcapng, frames 5 and 7), RFC 1002 4.3.
 */
class SessionServiceGoldenTest {
    /** smbclient //127.0.0.10/share: called name is the address as typed, with suffix 20. */
    static final byte[] REQUEST = Hex.parse("""
        81 00 00 44                                          # type SESSION REQUEST, flags 0, length 68
        20                                                   # called: label length 32
        44 42 44 43 44 48 43 4f 44 41 43 4f 44 41 43 4f      #   first-level "127.0.0.10"
        44 42 44 41 43 41 43 41 43 41 43 41 43 41 43 41      #   space padding, "CA" = suffix 0x20
        00                                                   #   end of name (no scope)
        20                                                   # calling: label length 32
        46 47 45 4e 43 41 43 41 43 41 43 41 43 41 43 41      #   "VM" and spaces
        43 41 43 41 43 41 43 41 43 41 43 41 43 41 41 41      #   "AA" = suffix 0x00
        00
        """);
    static final byte[] POSITIVE = Hex.parse("82 00 00 00   # POSITIVE SESSION RESPONSE, length 0");

    @Test
    void sessionRequestFromSmbclient() throws NetbiosDecodeException {
        SessionPacket p = SessionFrameCodec.DEFAULT.decode(REQUEST);
        assertThat(p).isEqualTo(new SessionRequest(NetbiosName.of("127.0.0.10", 0x20), NetbiosName.of("VM", 0x00)));
        assertThat(p.detail().render()).contains("127.0.0.10<20>").contains("VM<00>");
        assertThat(SessionFrameCodec.DEFAULT.encode(p)).isEqualTo(REQUEST);
    }

    @Test
    void positiveResponse() throws NetbiosDecodeException {
        SessionPacket p = SessionFrameCodec.DEFAULT.decode(POSITIVE);
        assertThat(p).isInstanceOf(PositiveSessionResponse.class);
        assertThat(SessionFrameCodec.DEFAULT.encode(p)).isEqualTo(POSITIVE);
    }

    @Test
    void everyNegativeResponseCodeHasAMeaning() throws NetbiosDecodeException {
        for (int code : new int[] {0x80, 0x81, 0x82, 0x83, 0x8F}) {
            SessionPacket p = SessionFrameCodec.DEFAULT.decode(new byte[] {(byte) 0x83, 0, 0, 1, (byte) code});
            assertThat(p).isInstanceOf(NegativeSessionResponse.class);
            assertThat(((NegativeSessionResponse) p).error().meaning()).isNotBlank().doesNotContain("nknown");
        }
        NegativeSessionResponse r = (NegativeSessionResponse) SessionFrameCodec.DEFAULT.decode(
                Hex.parse("83 00 00 01  82   # called name not present"));
        assertThat(r.error()).isEqualTo(SessionError.CALLED_NAME_NOT_PRESENT);
    }

    @Test
    void lengthPastTheEndIsADecodeError() {
        byte[] cut = java.util.Arrays.copyOf(REQUEST, 40);
        assertThatThrownBy(() -> SessionFrameCodec.DEFAULT.decode(cut)).isInstanceOf(NetbiosDecodeException.class);
    }

    @Test
    void extendedLengthBitGivesSeventeenBits() throws NetbiosDecodeException {
        SessionFrameHeader h = SessionFrameCodec.DEFAULT.decodeHeader(Hex.parse("00 01 00 00"));
        assertThat(h.length()).isEqualTo(0x10000);
    }
}
