package org.smbscope.codec.ntlm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our client against our server, for every LmCompatibilityLevel and server policy. */
class ClientServerRoundTripTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T01:00:00Z"), ZoneOffset.UTC);
    static final NtlmAccounts ACCOUNTS = (domain, user) -> Optional.ofNullable(Map.of(
            "alice", NtlmAccounts.NtlmAccount.withPassword("alice", "Passw0rd!"),
            "guest", NtlmAccounts.NtlmAccount.withPassword("Guest", "")).get(user.toLowerCase()));

    record Run(NtlmClientContext client, NtlmServerContext server, NtlmAuthResult result, byte[] auth) {
    }

    static Run run(NtlmClientConfig cc, NtlmServerConfig sc) throws NtlmDecodeException {
        NtlmClientContext client = new NtlmClientContext(cc, CLOCK, new SplittableRandom(1));
        NtlmServerContext server = new NtlmServerContext(sc, ACCOUNTS, CLOCK, new SplittableRandom(2));
        byte[] challenge = server.challenge(client.negotiate());
        byte[] auth = client.authenticate(challenge);
        return new Run(client, server, server.authenticate(auth), auth);
    }

    static NtlmServerConfig server(NtlmServerPolicy p) {
        return NtlmServerConfig.standalone("LAB10", "WORKGROUP").withPolicy(p);
    }

    static NtlmClientConfig alice(LmCompatibilityLevel level) {
        return NtlmClientConfig.defaults(NtlmCredentials.password("WORKGROUP", "alice", "Passw0rd!"), "lab10")
                .withLevel(level);
    }

    @ParameterizedTest
    @EnumSource(LmCompatibilityLevel.class)
    void everyLevelAuthenticatesAgainstALanmanServerWithTheSameSessionKey(LmCompatibilityLevel level) throws Exception {
        Run r = run(alice(level), server(NtlmServerPolicy.LANMAN_AUTH));
        assertThat(r.result()).isInstanceOf(NtlmAuthResult.Success.class);
        NtlmAuthResult.Success ok = (NtlmAuthResult.Success) r.result();
        assertThat(ok.user()).isEqualTo("alice");
        assertThat(ok.kind()).isEqualTo(r.client().responseKind());
        assertThat(ok.sessionKey()).isEqualTo(r.client().exportedSessionKey());
        ResponseKind expected = switch (level) {
            case SEND_LM_AND_NTLM -> ResponseKind.LM_AND_NTLMV1;
            case SEND_LM_AND_NTLM_ESS_IF_NEGOTIATED, SEND_NTLM_ONLY -> ResponseKind.NTLM2_SESSION;
            default -> ResponseKind.NTLMV2;
        };
        assertThat(r.client().responseKind()).isEqualTo(expected);
        // Signing works in both directions with the agreed keys.
        NtlmSecurity c = r.client().security();
        NtlmSecurity s = r.server().security(ok.sessionKey());
        byte[] msg = "hello".getBytes();
        assertThat(s.verify(msg, c.sign(msg))).isTrue();
        NtlmSecurity.Sealed sealed = s.seal(msg);
        assertThat(c.unseal(sealed.ciphertext(), sealed.signature())).isEqualTo(msg);
    }

    @Test
    void ntlmv2OnlyServerRefusesNtlmv1() throws Exception {
        Run r = run(alice(LmCompatibilityLevel.SEND_NTLM_ONLY), server(NtlmServerPolicy.NTLMV2_ONLY));
        assertThat(r.result()).isEqualTo(new NtlmAuthResult.Failure(NtlmAuthResult.Reason.NTLMV1_REFUSED,
                "NTLMv1 refused by policy NTLMV2_ONLY"));
        assertThat(NtlmAuthResult.Reason.NTLMV1_REFUSED.ntStatus()).isEqualTo("STATUS_LOGON_FAILURE");
    }

    @Test
    void wrongPasswordAndUnknownUserFail() throws Exception {
        var bad = NtlmClientConfig.defaults(NtlmCredentials.password("WORKGROUP", "alice", "wrong"), "lab10");
        assertThat(run(bad, server(NtlmServerPolicy.NTLMV2_ONLY)).result())
                .isInstanceOfSatisfying(NtlmAuthResult.Failure.class,
                        f -> assertThat(f.reason()).isEqualTo(NtlmAuthResult.Reason.WRONG_PASSWORD));
        var bob = NtlmClientConfig.defaults(NtlmCredentials.password("WORKGROUP", "bob", "x"), "lab10");
        assertThat(run(bob, server(NtlmServerPolicy.NTLMV2_ONLY)).result())
                .isInstanceOfSatisfying(NtlmAuthResult.Failure.class,
                        f -> assertThat(f.reason()).isEqualTo(NtlmAuthResult.Reason.NO_SUCH_USER));
    }

    @Test
    void ntHashOnlyCredentialsWork() throws Exception {
        var pth = NtlmClientConfig.defaults(NtlmCredentials.ntHash("WORKGROUP", "alice",
                NtlmCrypto.ntowfv1("Passw0rd!")), "lab10");
        assertThat(run(pth, server(NtlmServerPolicy.NTLMV2_ONLY)).result()).isInstanceOf(NtlmAuthResult.Success.class);
        Run v1 = run(pth.withLevel(LmCompatibilityLevel.SEND_LM_AND_NTLM), server(NtlmServerPolicy.LANMAN_AUTH));
        assertThat(v1.client().responseKind()).isEqualTo(ResponseKind.NTLMV1);
        assertThat(v1.result()).isInstanceOf(NtlmAuthResult.Success.class);
    }

    @Test
    void anonymousSendsEmptyResponsesAndIsAcceptedOnlyWhenAllowed() throws Exception {
        var anon = NtlmClientConfig.defaults(NtlmCredentials.anonymous(), "lab10");
        Run r = run(anon, server(NtlmServerPolicy.NTLMV2_ONLY));
        AuthenticateMessage a = r.client().authenticateMessage();
        assertThat(a.user()).isEmpty();
        assertThat(a.ntResponse()).isEmpty();
        assertThat(a.lmResponse()).containsExactly(0);
        assertThat(a.flags()).contains(NegotiateFlag.NTLMSSP_ANONYMOUS);
        assertThat(((NtlmAuthResult.Success) r.result()).anonymous()).isTrue();
        Run refused = run(anon, server(NtlmServerPolicy.NTLMV2_ONLY).withAnonymous(false));
        assertThat(refused.result()).isInstanceOfSatisfying(NtlmAuthResult.Failure.class,
                f -> assertThat(f.reason()).isEqualTo(NtlmAuthResult.Reason.ANONYMOUS_REFUSED));
    }

    @Test
    void guestIsAnOrdinaryUserWithAnEmptyPassword() throws Exception {
        Run r = run(NtlmClientConfig.defaults(NtlmCredentials.guest(), "lab10"), server(NtlmServerPolicy.NTLMV2_ONLY));
        assertThat(r.result()).isInstanceOfSatisfying(NtlmAuthResult.Success.class,
                s -> assertThat(s.user()).isEqualTo("Guest"));
    }

    @Test
    void clientAddsMicFlagsSpnAndChannelBindingsWhenTheServerSendsATimestamp() throws Exception {
        byte[] cbt = new byte[16];
        cbt[0] = 7;
        Run r = run(alice(LmCompatibilityLevel.SEND_NTLMV2_ONLY).withChannelBindings(cbt),
                server(NtlmServerPolicy.NTLMV2_ONLY));
        AuthenticateMessage a = r.client().authenticateMessage();
        TargetInfo pairs = NtlmV2Response.decode(a.ntResponse()).avPairs();
        assertThat(pairs.find(AvId.MSV_AV_FLAGS).orElseThrow().asLong()).isEqualTo(AvPair.FLAG_MIC_PRESENT);
        assertThat(pairs.text(AvId.MSV_AV_TARGET_NAME)).contains("cifs/lab10");
        assertThat(pairs.find(AvId.MSV_AV_CHANNEL_BINDINGS).orElseThrow().value()).isEqualTo(cbt);
        assertThat(a.mic()).isNotNull();
        assertThat(a.lmResponse()).isEqualTo(new byte[24]); // timestamp present: no LMv2
        assertThat(r.result()).isInstanceOf(NtlmAuthResult.Success.class);
    }

    @Test
    void tamperedMicIsRefused() throws Exception {
        NtlmClientContext client = new NtlmClientContext(alice(LmCompatibilityLevel.SEND_NTLMV2_ONLY), CLOCK,
                new SplittableRandom(1));
        NtlmServerContext server = new NtlmServerContext(server(NtlmServerPolicy.NTLMV2_ONLY), ACCOUNTS, CLOCK,
                new SplittableRandom(2));
        byte[] auth = client.authenticate(server.challenge(client.negotiate()));
        auth[AuthenticateMessage.MIC_OFFSET] ^= 1;
        assertThat(server.authenticate(auth)).isInstanceOfSatisfying(NtlmAuthResult.Failure.class,
                f -> assertThat(f.reason()).isEqualTo(NtlmAuthResult.Reason.MIC_MISMATCH));
    }

    @Test
    void sameSeedsGiveTheSameBytes() throws Exception {
        assertThat(run(alice(LmCompatibilityLevel.SEND_NTLMV2_ONLY), server(NtlmServerPolicy.NTLMV2_ONLY)).auth())
                .isEqualTo(run(alice(LmCompatibilityLevel.SEND_NTLMV2_ONLY), server(NtlmServerPolicy.NTLMV2_ONLY)).auth());
    }

    @Test
    void clientReproducesTheSpecificationsNtlmv2Responses() throws Exception {
        // [MS-NLMP] 4.2.4: no timestamp in the target info, so the client's clock (FILETIME 0) is used.
        Clock epoch1601 = Clock.fixed(Instant.parse("1601-01-01T00:00:00Z"), ZoneOffset.UTC);
        TestVectors v = TestVectors.load("msnlmp/4.2.4-ntlmv2.txt");
        var cfg = new NtlmClientConfig(NtlmCredentials.password("Domain", "User", "Password"),
                LmCompatibilityLevel.SEND_NTLMV2_ONLY, "COMPUTER", Version.DEFAULT, true, null, null, true);
        byte[][] randoms = {v.hex("client_challenge"), v.hex("random_session_key")};
        int[] next = {0};
        java.util.random.RandomGenerator fixed = new java.util.random.RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(randoms[next[0]++], 0, bytes, 0, bytes.length);
            }
        };
        NtlmClientContext client = new NtlmClientContext(cfg, epoch1601, fixed);
        client.negotiate();
        client.authenticate(v.hex("challenge"));
        AuthenticateMessage a = client.authenticateMessage();
        AuthenticateMessage spec = (AuthenticateMessage) NtlmMessage.decode(v.hex("authenticate"));
        assertThat(a.lmResponse()).isEqualTo(spec.lmResponse());
        assertThat(a.ntResponse()).isEqualTo(spec.ntResponse());
        assertThat(a.encryptedRandomSessionKey()).isEqualTo(spec.encryptedRandomSessionKey());
        assertThat(client.sessionBaseKey()).isEqualTo(v.hex("session_base_key"));
        assertThat(client.exportedSessionKey()).isEqualTo(v.hex("random_session_key"));
        assertThat(a.mic()).isNull();
    }
}
