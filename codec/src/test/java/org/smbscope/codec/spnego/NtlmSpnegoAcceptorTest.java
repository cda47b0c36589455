package org.smbscope.codec.spnego;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.ntlm.NtlmAccounts;
import org.smbscope.codec.ntlm.NtlmAuthResult;
import org.smbscope.codec.ntlm.NtlmServerConfig;
import org.smbscope.codec.ntlm.NtlmServerContext;

/** SpnegoClient against NtlmSpnegoAcceptor: the whole session-setup token exchange. */
class NtlmSpnegoAcceptorTest {
    static NtlmSpnegoAcceptor acceptor() {
        return new NtlmSpnegoAcceptor(new NtlmServerContext(NtlmServerConfig.standalone("LAB10", "WORKGROUP"),
                (d, u) -> Optional.of(NtlmAccounts.NtlmAccount.withPassword("alice", "Passw0rd!")),
                SpnegoClientTest.CLOCK, new SplittableRandom(4)));
    }

    @Test
    void clientAndAcceptorComplete() throws Exception {
        NtlmSpnegoAcceptor server = acceptor();
        SpnegoClient client = new SpnegoClient(List.of(SpnegoClientTest.ntlm("Passw0rd!")));
        byte[] t1 = client.initialToken(NtlmSpnegoAcceptor.negotiateHint());
        byte[] t2 = client.nextToken(server.accept(t1));
        byte[] done = server.accept(t2);
        assertThat(client.nextToken(done)).isNull();
        assertThat(client.isComplete()).isTrue();
        assertThat(client.mechListMicVerified()).isTrue();
        assertThat(((NtlmAuthResult.Success) server.result()).sessionKey()).isEqualTo(client.sessionKey());
    }

    @Test
    void wrongPasswordIsRejected() throws Exception {
        NtlmSpnegoAcceptor server = acceptor();
        SpnegoClient client = new SpnegoClient(List.of(SpnegoClientTest.ntlm("nope")));
        byte[] t2 = client.nextToken(server.accept(client.initialToken(NtlmSpnegoAcceptor.negotiateHint())));
        NegTokenResp done = (NegTokenResp) SpnegoToken.decode(server.accept(t2));
        assertThat(done.negState()).isEqualTo(NegState.REJECT);
        assertThat(server.result()).isInstanceOf(NtlmAuthResult.Failure.class);
    }
}
