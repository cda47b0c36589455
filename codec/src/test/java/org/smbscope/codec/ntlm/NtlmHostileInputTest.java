package org.smbscope.codec.ntlm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smbscope.codec.wire.Hex;

class NtlmHostileInputTest {
    /** The NEGOTIATE smbclient sends (capture b_smb3_default, frame 9), field by field. */
    static final byte[] NEGOTIATE = Hex.parse("""
            4e 54 4c 4d 53 53 50 00   # Signature "NTLMSSP\\0"
            01 00 00 00               # MessageType NEGOTIATE
            15 82 08 62               # NegotiateFlags 0x62088215
            00 00 00 00 28 00 00 00   # DomainName: len 0, max 0, offset 40
            00 00 00 00 28 00 00 00   # WorkstationName: len 0, max 0, offset 40
            06 01 00 00 00 00 00 0f   # Version 6.1 build 0, NTLM revision 15
            """);

    @Test
    void goldenNegotiateDecodesEncodesAndRenders() throws Exception {
        NegotiateMessage n = (NegotiateMessage) NtlmMessage.decode(NEGOTIATE);
        assertThat(n).isEqualTo(new NegotiateMessage(Set.of(NegotiateFlag.NTLMSSP_NEGOTIATE_UNICODE,
                NegotiateFlag.NTLMSSP_REQUEST_TARGET, NegotiateFlag.NTLMSSP_NEGOTIATE_SIGN,
                NegotiateFlag.NTLMSSP_NEGOTIATE_NTLM, NegotiateFlag.NTLMSSP_NEGOTIATE_ALWAYS_SIGN,
                NegotiateFlag.NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY, NegotiateFlag.NTLMSSP_NEGOTIATE_VERSION,
                NegotiateFlag.NTLMSSP_NEGOTIATE_128, NegotiateFlag.NTLMSSP_NEGOTIATE_KEY_EXCH), "", "",
                new Version(6, 1, 0, 15)));
        assertThat(n.encode()).isEqualTo(NEGOTIATE);
        assertThat(n.detail().render()).isEqualTo("""
                NTLM Secure Service Provider
                  NTLMSSP identifier: NTLMSSP
                  NTLM Message Type: NTLMSSP_NEGOTIATE (0x00000001)
                  Negotiate Flags: 0x62088215 (NTLMSSP_NEGOTIATE_UNICODE, NTLMSSP_REQUEST_TARGET, \
                NTLMSSP_NEGOTIATE_SIGN, NTLMSSP_NEGOTIATE_NTLM, NTLMSSP_NEGOTIATE_ALWAYS_SIGN, \
                NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY, NTLMSSP_NEGOTIATE_VERSION, NTLMSSP_NEGOTIATE_128, \
                NTLMSSP_NEGOTIATE_KEY_EXCH)
                  Version: 6.1 (Build 0); NTLM Current Revision 15 (Windows 7 / Windows Server 2008 R2)
                """);
    }

    static byte[] spec(String file, String key) {
        return TestVectors.load("msnlmp/" + file).hex(key);
    }

    @Test
    void everyTruncationOfTheSpecificationsAuthenticateFailsCleanly() {
        byte[] auth = spec("4.2.4-ntlmv2.txt", "authenticate");
        for (int n = 0; n < auth.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(auth, n);
            try {
                NtlmMessage.decode(cut);
            } catch (NtlmDecodeException expected) {
                assertThat(expected.protocol()).isEqualTo("NTLMSSP");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "bad signature, 0, 4e544c4d5353505801000000, not NTLMSSP",
        "unknown type, 8, 4e544c4d5353500009000000, unknown message type 9",
        "truncated header, 12, 4e544c4d535350000300000018001800, needs",
        "NT response past the end, 20, , past the end of a 232-byte message (NtChallengeResponse at offset 20)",
        "user offset past the end, 40, , past the end of a 232-byte message (UserName at offset 36)"})
    void hostileMessages(String name, int offset, String hex, String message) {
        byte[] bytes;
        if (hex != null) {
            bytes = Hex.parse(hex);
        } else {
            bytes = spec("4.2.4-ntlmv2.txt", "authenticate");
            if (name.startsWith("NT")) {
                bytes[20] = (byte) 0xff; // NtChallengeResponseLen 0x54 -> 0xff
            } else {
                bytes[40] = (byte) 0xf0; // UserNameBufferOffset -> 0xf0 + 8 > length
                bytes[41] = 0x01;
            }
        }
        byte[] input = bytes;
        assertThatThrownBy(() -> NtlmMessage.decode(input)).isInstanceOf(NtlmDecodeException.class)
                .hasMessageContaining(message);
    }

    @Test
    void hugeOffsetIsRefusedWithoutAllocation() {
        byte[] bytes = spec("4.2.4-ntlmv2.txt", "authenticate");
        bytes[24] = bytes[25] = bytes[26] = bytes[27] = (byte) 0xff; // NT offset 0xffffffff
        assertThatThrownBy(() -> NtlmMessage.decode(bytes)).isInstanceOf(NtlmDecodeException.class)
                .hasMessageContaining("past the end");
    }

    @Test
    void avPairRunningPastTheTargetInfoFails() {
        byte[] pairs = Hex.parse("0200 ff00 4400");
        assertThatThrownBy(() -> TargetInfo.decode(pairs)).isInstanceOf(NtlmDecodeException.class);
    }

    @Test
    void unknownAvIdKeepsItsNumber() throws Exception {
        TargetInfo ti = TargetInfo.decode(Hex.parse("3412 0100 aa 0000 0000"));
        assertThat(ti.pairs()).containsExactly(new AvPair(new AvId(0x1234), new byte[] {(byte) 0xaa}));
        assertThat(ti.pairs().get(0).id().name()).isEqualTo("UNKNOWN(0x1234)");
        assertThat(ti.encode()).isEqualTo(Hex.parse("3412 0100 aa 0000 0000"));
    }

    @Test
    void minimalChallengeWithoutTargetInfoDecodes() throws Exception {
        // Chromium's kMinChallengeMessage: 32 bytes, old servers.
        byte[] min = Hex.parse("4e544c4d53535000 02000000 0000 0000 20000000 07820800 0123456789abcdef");
        ChallengeMessage c = (ChallengeMessage) NtlmMessage.decode(min);
        assertThat(c.targetInfo()).isNull();
        assertThat(c.version()).isNull();
    }
}
