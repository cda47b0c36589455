package org.smbscope.server.auth;

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
import org.smbscope.codec.ntlm.NtlmServerConfig;
import org.smbscope.codec.ntlm.NtlmServerContext;
import org.smbscope.codec.spnego.NegState;
import org.smbscope.codec.spnego.NegTokenInit;
import org.smbscope.codec.spnego.NegTokenResp;
import org.smbscope.codec.spnego.NtlmSpnegoAcceptor;
import org.smbscope.codec.spnego.SpnegoToken;

/** SpnegoAcceptor without a KDC: the hint, garbage, NTLM delegation, no mechanism at all. */
class SpnegoAcceptorTest {
    private static NtlmSpnegoAcceptor ntlm() {
        return new NtlmSpnegoAcceptor(new NtlmServerContext(NtlmServerConfig.standalone("FS", "WORKGROUP"),
                (d, u) -> Optional.of(NtlmAccounts.NtlmAccount.withPassword("alice", "pw")),
                Clock.fixed(Instant.parse("2026-11-21T01:00:00Z"), ZoneOffset.UTC), new SplittableRandom(1)));
    }

    @Test
    void hintListsKerberosThenNtlm() throws Exception {
        NegTokenInit hint = (NegTokenInit) SpnegoToken.decode(SpnegoAcceptor.negotiateHint(true, true));
        assertThat(hint.mechTypes()).containsExactly(Oid.MS_KERBEROS, Oid.KERBEROS, Oid.NTLMSSP);
        assertThat(((NegTokenInit) SpnegoToken.decode(SpnegoAcceptor.negotiateHint(false, true))).mechTypes())
                .containsExactly(Oid.NTLMSSP);
    }

    @Test
    void garbageIsRejected() throws Exception {
        SpnegoAcceptor.Step s = new SpnegoAcceptor(null, ntlm()).accept(new byte[] {0x60, 0x01});
        assertThat(s).isInstanceOf(SpnegoAcceptor.Rejected.class);
        assertThat(((NegTokenResp) SpnegoToken.decode(s.response())).negState()).isEqualTo(NegState.REJECT);
    }

    @Test
    void kerberosFirstWithoutKeytabAsksForNtlm() throws Exception {
        byte[] init = NegTokenInit.of(List.of(Oid.KERBEROS, Oid.NTLMSSP), new byte[] {0x60, 0x00}).encode();
        SpnegoAcceptor.Step s = new SpnegoAcceptor(null, ntlm()).accept(init);
        assertThat(s).isInstanceOf(SpnegoAcceptor.Continue.class);
        NegTokenResp r = (NegTokenResp) SpnegoToken.decode(s.response());
        assertThat(r.supportedMech()).isEqualTo(Oid.NTLMSSP);
        assertThat(r.negState()).isEqualTo(NegState.ACCEPT_INCOMPLETE);
    }

    @Test
    void noMechanismAtAll() {
        assertThatThrownBy(() -> new SpnegoAcceptor(null, null)).isInstanceOf(IllegalArgumentException.class);
        byte[] init = NegTokenInit.of(List.of(Oid.NTLMSSP), new byte[] {1}).encode();
        assertThat(new SpnegoAcceptor(null, ntlm()).accept(init)).isNotInstanceOf(SpnegoAcceptor.KerberosDone.class);
    }
}
