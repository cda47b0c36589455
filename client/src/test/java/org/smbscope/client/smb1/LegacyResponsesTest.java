package org.smbscope.client.smb1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.ntlm.NtlmCrypto;

/** NT LM 0.12 passwords against [MS-NLMP] 4.2.2 (password "Password", challenge 0123456789abcdef). */
class LegacyResponsesTest {
    static final HexFormat HEX = HexFormat.of();
    static final byte[] CHALLENGE = HEX.parseHex("0123456789abcdef");

    @Test
    void level0SendsLmAndNtlmV1() {
        LegacyResponses r = LegacyResponses.compute(0, "User", "Domain", "Password", null, CHALLENGE, 0, new Random(1));
        assertThat(HEX.formatHex(r.nt())).isEqualTo("67c43011f30298a2ad35ece64f16331c44bdbed927841f94"); // 4.2.2.2.1
        assertThat(HEX.formatHex(r.lm())).isEqualTo("98def7b87f88aa5dafe2df779688a172def11c7d5ccdef13"); // 4.2.2.2.2
        assertThat(HEX.formatHex(r.sessionKey())).isEqualTo("d87262b0cde4b1cb7499becccdf10784"); // 4.2.2.1.3
        assertThat(HEX.formatHex(r.macKey())).isEqualTo("d87262b0cde4b1cb7499becccdf10784"
                + "67c43011f30298a2ad35ece64f16331c44bdbed927841f94");
    }

    @Test
    void level2PutsTheNtResponseInBothFields() {
        LegacyResponses r = LegacyResponses.compute(2, "User", "Domain", "Password", null, CHALLENGE, 0, new Random(1));
        assertThat(r.lm()).isEqualTo(r.nt());
    }

    @Test
    void anNtHashAloneGivesNoLmResponse() {
        LegacyResponses r = LegacyResponses.compute(0, "User", "Domain", null, NtlmCrypto.ntowfv1("Password"), CHALLENGE, 0,
                new Random(1));
        assertThat(r.lm()).isEqualTo(r.nt());
    }

    @Test
    void level3SendsLmv2AndNtlmv2WithTheirSessionKey() {
        LegacyResponses r = LegacyResponses.compute(3, "User", "Domain", "Password", null, CHALLENGE, 0x0102030405060708L,
                new Random(1));
        assertThat(r.lm()).hasSize(24);
        assertThat(r.nt().length).isGreaterThan(24);
        assertThat(r.nt()[16]).isEqualTo((byte) 1);
        byte[] keyNt = NtlmCrypto.ntowfv2(NtlmCrypto.ntowfv1("Password"), "User", "Domain");
        byte[] proof = java.util.Arrays.copyOf(r.nt(), 16);
        assertThat(r.sessionKey()).isEqualTo(NtlmCrypto.sessionBaseKeyV2(keyNt, proof));
        assertThat(proof).isEqualTo(NtlmCrypto.ntProofStr(keyNt, CHALLENGE, java.util.Arrays.copyOfRange(r.nt(), 16, r.nt().length)));
    }
}
