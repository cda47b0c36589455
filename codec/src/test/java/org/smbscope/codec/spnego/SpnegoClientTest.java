package org.smbscope.codec.spnego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.asn1.Oid;
import org.smbscope.codec.ntlm.NtlmAccounts;
import org.smbscope.codec.ntlm.NtlmAuthResult;
import org.smbscope.codec.ntlm.NtlmClientConfig;
import org.smbscope.codec.ntlm.NtlmClientContext;
import org.smbscope.codec.ntlm.NtlmCredentials;
import org.smbscope.codec.ntlm.NtlmSecurity;
import org.smbscope.codec.ntlm.NtlmServerConfig;
import org.smbscope.codec.ntlm.NtlmServerContext;

/** SpnegoClient with NTLM against an acceptor written here from NtlmServerContext. */
class SpnegoClientTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T01:00:00Z"), ZoneOffset.UTC);

    static NtlmMechanism ntlm(String password) {
        return new NtlmMechanism(new NtlmClientContext(NtlmClientConfig.defaults(
                NtlmCredentials.password("WORKGROUP", "alice", password), "lab10"), CLOCK, new SplittableRandom(3)));
    }

    /** A stand-in for a kerberos mechanism the server does not offer. */
    static GssMechanism fake(Oid oid) {
        return new GssMechanism() {
            public Oid oid() {
                return oid;
            }

            public byte[] initialToken() {
                return new byte[] {1};
            }

            public byte[] nextToken(byte[] token) {
                return null;
            }

            public boolean isComplete() {
                return false;
            }

            public byte[] sessionKey() {
                return null;
            }

            public byte[] getMic(byte[] data) {
                return null;
            }

            public boolean verifyMic(byte[] data, byte[] mic) {
                return false;
            }
        };
    }

    @Test
    void picksNtlmFromTheHintAndCompletesWithMechListMics() throws Exception {
        NtlmServerContext server = new NtlmServerContext(NtlmServerConfig.standalone("LAB10", "WORKGROUP"),
                (d, u) -> Optional.of(NtlmAccounts.NtlmAccount.withPassword("alice", "Passw0rd!")), CLOCK,
                new SplittableRandom(4));
        SpnegoClient client = new SpnegoClient(List.of(fake(Oid.MS_KERBEROS), ntlm("Passw0rd!")));
        byte[] hint = NegTokenInit.serverHint(List.of(Oid.NTLMSSP)).encode();

        NegTokenInit init = (NegTokenInit) SpnegoToken.decode(client.initialToken(hint));
        assertThat(init.mechTypes()).containsExactly(Oid.NTLMSSP);
        byte[] challenge = server.challenge(init.mechToken());

        byte[] second = client.nextToken(
                new NegTokenResp(NegState.ACCEPT_INCOMPLETE, Oid.NTLMSSP, challenge, null).encode());
        NegTokenResp auth = (NegTokenResp) SpnegoToken.decode(second);
        NtlmAuthResult.Success ok = (NtlmAuthResult.Success) server.authenticate(auth.responseToken());
        NtlmSecurity acceptor = server.security(ok.sessionKey());
        assertThat(acceptor.verify(init.mechTypesDer(), auth.mechListMic())).isTrue();

        byte[] last = client.nextToken(new NegTokenResp(NegState.ACCEPT_COMPLETED, null, null,
                acceptor.sign(init.mechTypesDer())).encode());
        assertThat(last).isNull();
        assertThat(client.isComplete()).isTrue();
        assertThat(client.mechListMicVerified()).isTrue();
        assertThat(client.sessionKey()).isEqualTo(ok.sessionKey());
        assertThat(client.sent()).hasSize(2);
    }

    @Test
    void noCommonMechanismAndRejectAreErrors() throws Exception {
        SpnegoClient krbOnly = new SpnegoClient(List.of(fake(Oid.KERBEROS)));
        assertThatThrownBy(() -> krbOnly.initialToken(NegTokenInit.serverHint(List.of(Oid.NTLMSSP)).encode()))
                .isInstanceOf(GssException.class).hasMessageContaining("no common mechanism");
        SpnegoClient c = new SpnegoClient(List.of(ntlm("x")));
        c.initialToken(null);
        assertThatThrownBy(() -> c.nextToken(new NegTokenResp(NegState.REJECT, null, null, null).encode()))
                .isInstanceOf(GssException.class).hasMessageContaining("rejected");
    }

    @Test
    void badServerMechListMicIsAnError() throws Exception {
        NtlmServerContext server = new NtlmServerContext(NtlmServerConfig.standalone("LAB10", "WORKGROUP"),
                (d, u) -> Optional.of(NtlmAccounts.NtlmAccount.withPassword("alice", "Passw0rd!")), CLOCK,
                new SplittableRandom(4));
        SpnegoClient client = new SpnegoClient(List.of(ntlm("Passw0rd!")));
        NegTokenInit init = (NegTokenInit) SpnegoToken.decode(client.initialToken(new byte[0]));
        byte[] challenge = server.challenge(init.mechToken());
        client.nextToken(new NegTokenResp(NegState.ACCEPT_INCOMPLETE, Oid.NTLMSSP, challenge, null).encode());
        byte[] forged = new byte[16];
        forged[0] = 1;
        assertThatThrownBy(() -> client.nextToken(new NegTokenResp(NegState.ACCEPT_COMPLETED, null, null, forged).encode()))
                .isInstanceOf(GssException.class).hasMessageContaining("mechListMIC");
    }

    @Test
    void truncatedTokensAreSpnegoDecodeErrors() {
        byte[] token = Captures.blob("b_smb3_default", 11);
        for (int n = 0; n < token.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(token, n);
            assertThatThrownBy(() -> SpnegoToken.decode(cut)).isInstanceOf(SpnegoDecodeException.class);
        }
    }
}
