package org.smbscope.codec.spnego;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smbscope.codec.asn1.Oid;
import org.smbscope.codec.ntlm.AuthenticateMessage;
import org.smbscope.codec.ntlm.AvId;
import org.smbscope.codec.ntlm.ChallengeMessage;
import org.smbscope.codec.ntlm.NegotiateFlag;
import org.smbscope.codec.ntlm.NegotiateMessage;
import org.smbscope.codec.ntlm.NtlmCrypto;
import org.smbscope.codec.ntlm.NtlmMessage;
import org.smbscope.codec.ntlm.NtlmSecurity;
import org.smbscope.codec.ntlm.NtlmV2Response;
import org.smbscope.codec.ntlm.Version;
import org.smbscope.codec.wire.Hex;

/**
 * Real session setups between smbclient and Samba 4 (captures b_smb3_default: NTLMv2;
 * j_ntlmv1_lm: "client ntlmv2 auth = no", i.e. NTLMv1 with extended session security). The user
 * was alice with password "Passw0rd!", so every proof, key, MIC and mechListMIC can be recomputed.
 */
class CaptureGoldenTest {
    private static final byte[] NT_HASH = NtlmCrypto.ntowfv1("Passw0rd!");

    @ParameterizedTest
    @CsvSource({"b_smb3_default,7", "b_smb3_default,9", "b_smb3_default,10", "b_smb3_default,11",
            "b_smb3_default,12", "j_ntlmv1_lm,9", "j_ntlmv1_lm,10", "j_ntlmv1_lm,11", "j_ntlmv1_lm,12"})
    void everySecurityBlobDecodesAndEncodesBackToTheSameBytes(String capture, int frame) throws Exception {
        byte[] blob = Captures.blob(capture, frame);
        assertThat(Hex.format(SpnegoToken.decode(blob).encode())).isEqualTo(Hex.format(blob));
    }

    @Test
    void negotiateResponseHintIsNegTokenInit2() throws Exception {
        NegTokenInit hint = (NegTokenInit) SpnegoToken.decode(Captures.blob("b_smb3_default", 7));
        assertThat(hint).isEqualTo(NegTokenInit.serverHint(List.of(Oid.NTLMSSP)));
        assertThat(hint.isInit2()).isTrue();
        assertThat(hint.detail().render()).isEqualTo("""
                GSS-API Generic Security Service Application Program Interface
                  OID: 1.3.6.1.5.5.2 (SPNEGO - Simple Protected Negotiation)
                  Simple Protected Negotiation
                    negTokenInit (NegTokenInit2)
                      mechTypes: 1 item
                        MechType: 1.3.6.1.4.1.311.2.2.10 (NTLMSSP - Microsoft NTLM Security Support Provider)
                      negHints
                        hintName: not_defined_in_RFC4178@please_ignore
                """);
    }

    private record Handshake(NegTokenInit init, byte[] negotiate, NegTokenResp challengeResp, byte[] challenge,
            NegTokenResp authResp, byte[] authenticate, NegTokenResp done) {
        static Handshake of(String capture) throws Exception {
            NegTokenInit init = (NegTokenInit) SpnegoToken.decode(Captures.blob(capture, 9));
            NegTokenResp c = (NegTokenResp) SpnegoToken.decode(Captures.blob(capture, 10));
            NegTokenResp a = (NegTokenResp) SpnegoToken.decode(Captures.blob(capture, 11));
            NegTokenResp d = (NegTokenResp) SpnegoToken.decode(Captures.blob(capture, 12));
            return new Handshake(init, init.mechToken(), c, c.responseToken(), a, a.responseToken(), d);
        }
    }

    @Test
    void sambaNtlmv2HandshakeVerifiesEndToEnd() throws Exception {
        Handshake h = Handshake.of("b_smb3_default");
        NegotiateMessage n = (NegotiateMessage) NtlmMessage.decode(h.negotiate());
        assertThat(NegotiateFlag.toBits(n.flags())).isEqualTo(0x62088215L);
        assertThat(n.version()).isEqualTo(new Version(6, 1, 0, 15));
        assertThat(n.encode()).isEqualTo(h.negotiate());

        ChallengeMessage c = (ChallengeMessage) NtlmMessage.decode(h.challenge());
        assertThat(c.targetName()).isEqualTo("LAB10");
        assertThat(Hex.format(c.serverChallenge())).isEqualTo("a3af89841ce79a88");
        assertThat(c.targetInfo().text(AvId.MSV_AV_DNS_COMPUTER_NAME)).contains("vm");
        assertThat(c.encode()).isEqualTo(h.challenge());
        assertThat(h.challengeResp().negState()).isEqualTo(NegState.ACCEPT_INCOMPLETE);
        assertThat(h.challengeResp().supportedMech()).isEqualTo(Oid.NTLMSSP);

        AuthenticateMessage a = (AuthenticateMessage) NtlmMessage.decode(h.authenticate());
        assertThat(a.user()).isEqualTo("alice");
        assertThat(a.domain()).isEqualTo("WORKGROUP");
        assertThat(a.workstation()).isEqualTo("VM");
        assertThat(a.responseKind()).isEqualTo("NTLMv2");
        NtlmV2Response v2 = NtlmV2Response.decode(a.ntResponse());
        assertThat(v2.avPairs().text(AvId.MSV_AV_TARGET_NAME)).contains("cifs/127.0.0.10");

        byte[] key = NtlmCrypto.ntowfv2(NT_HASH, "alice", "WORKGROUP");
        byte[] temp = Arrays.copyOfRange(a.ntResponse(), 16, a.ntResponse().length);
        assertThat(NtlmCrypto.ntProofStr(key, c.serverChallenge(), temp)).isEqualTo(v2.ntProofStr());

        byte[] exported = NtlmCrypto.rc4k(NtlmCrypto.sessionBaseKeyV2(key, v2.ntProofStr()),
                a.encryptedRandomSessionKey());
        checkMicAndMechListMics(h, a, exported);
    }

    @Test
    void sambaNtlm2SessionResponseHandshakeVerifiesEndToEnd() throws Exception {
        Handshake h = Handshake.of("j_ntlmv1_lm");
        ChallengeMessage c = (ChallengeMessage) NtlmMessage.decode(h.challenge());
        AuthenticateMessage a = (AuthenticateMessage) NtlmMessage.decode(h.authenticate());
        assertThat(a.responseKind()).isEqualTo("NTLMv1 with extended session security (NTLM2 session response)");
        byte[] clientChallenge = Arrays.copyOf(a.lmResponse(), 8);
        assertThat(NtlmCrypto.ntlm2SessionResponse(NT_HASH, c.serverChallenge(), clientChallenge))
                .isEqualTo(a.ntResponse());
        byte[] kxkey = NtlmCrypto.kxkeyV1(a.flags(), NtlmCrypto.sessionBaseKeyV1(NT_HASH), a.lmResponse(),
                c.serverChallenge(), null);
        byte[] exported = NtlmCrypto.rc4k(kxkey, a.encryptedRandomSessionKey());
        checkMicAndMechListMics(h, a, exported);
    }

    private static void checkMicAndMechListMics(Handshake h, AuthenticateMessage a, byte[] exported) {
        byte[] zeroed = h.authenticate().clone();
        Arrays.fill(zeroed, AuthenticateMessage.MIC_OFFSET, AuthenticateMessage.MIC_OFFSET + 16, (byte) 0);
        assertThat(NtlmCrypto.mic(exported, h.negotiate(), h.challenge(), zeroed)).isEqualTo(a.mic());

        byte[] mechTypes = h.init().mechTypesDer();
        NtlmSecurity client = new NtlmSecurity(a.flags(), exported, true);
        assertThat(client.sign(mechTypes)).isEqualTo(h.authResp().mechListMic());
        assertThat(client.verify(mechTypes, h.done().mechListMic())).isTrue();
        NtlmSecurity server = new NtlmSecurity(a.flags(), exported, false);
        assertThat(server.verify(mechTypes, h.authResp().mechListMic())).isTrue();
        assertThat(h.done().negState()).isEqualTo(NegState.ACCEPT_COMPLETED);
    }

    @Test
    void authenticateRendersLikeWireshark() throws Exception {
        String text = SpnegoToken.decode(Captures.blob("b_smb3_default", 11)).detail().render();
        assertThat(text).contains("NTLM Message Type: NTLMSSP_AUTH (0x00000003)", "User name: alice",
                "Domain name: WORKGROUP", "Host name: VM", "NTProofStr: cfe9c9d09fd9f554e3fbc9dcd42885d1",
                "MsvAvTargetName: cifs/127.0.0.10", "MsvAvFlags: 0x00000002, MIC present",
                "MIC: 67e562e642e5cdb328c357342cd9259b", "mechListMIC: 010000008410c44e44db728e00000000");
    }
}
