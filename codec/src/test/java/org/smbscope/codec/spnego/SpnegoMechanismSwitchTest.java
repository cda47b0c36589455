package org.smbscope.codec.spnego;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.asn1.Oid;
import org.smbscope.codec.ntlm.NtlmAuthResult;

/**
 * RFC 4178 5 (b): the client sends a Kerberos token first, the acceptor (NTLM only) answers
 * accept-incomplete with supportedMech NTLMSSP and no token; the client starts NTLM and both
 * finish with mechListMICs over the original list.
 */
class SpnegoMechanismSwitchTest {
    @Test
    void switchesToTheAcceptorsChoice() throws Exception {
        NtlmSpnegoAcceptor server = NtlmSpnegoAcceptorTest.acceptor();
        SpnegoClient client = new SpnegoClient(List.of(SpnegoClientTest.fake(Oid.KERBEROS),
                SpnegoClientTest.ntlm("Passw0rd!")));
        byte[] t1 = client.initialToken(null);
        assertThat(((NegTokenInit) SpnegoToken.decode(t1)).mechTypes()).containsExactly(Oid.KERBEROS, Oid.NTLMSSP);
        byte[] r1 = server.accept(t1);
        NegTokenResp ask = (NegTokenResp) SpnegoToken.decode(r1);
        assertThat(ask.supportedMech()).isEqualTo(Oid.NTLMSSP);
        assertThat(ask.responseToken()).isNull();
        byte[] t2 = client.nextToken(r1);
        assertThat(client.selected().oid()).isEqualTo(Oid.NTLMSSP);
        byte[] t3 = client.nextToken(server.accept(t2));
        byte[] done = server.accept(t3);
        assertThat(client.nextToken(done)).isNull();
        assertThat(client.isComplete()).isTrue();
        assertThat(client.mechListMicVerified()).isTrue();
        assertThat(server.result()).isInstanceOf(NtlmAuthResult.Success.class);
    }

    @Test
    void aRejectCarryingAKerberosErrorSaysWhich() throws Exception {
        SpnegoClient client = new SpnegoClient(List.of(SpnegoClientTest.fake(Oid.KERBEROS)));
        client.initialToken(null);
        byte[] skew = org.smbscope.codec.kerberos.KerberosMessageTest.SKEW;
        byte[] token = new byte[2 + 11 + 2 + skew.length];
        byte[] head = org.smbscope.codec.wire.Hex.parse("""
                60 7c                              # GSS-API InitialContextToken, 124 bytes
                06 09 2a 86 48 86 f7 12 01 02 02   # Kerberos V5 OID
                03 00                              # TOK_ID KRB_ERROR
                """);
        System.arraycopy(head, 0, token, 0, head.length);
        System.arraycopy(skew, 0, token, head.length, skew.length);
        byte[] resp = new NegTokenResp(NegState.REJECT, Oid.KERBEROS, token, null).encode();
        assertThatThrownBy(() -> client.nextToken(resp)).isInstanceOf(GssException.class)
                .hasMessage("the server rejected the negotiation: KRB_AP_ERR_SKEW (37): Clock skew too great"
                        + " [Clock skew too great]");
    }

    @Test
    void aMechanismWeDidNotOfferIsAnError() throws Exception {
        SpnegoClient client = new SpnegoClient(List.of(SpnegoClientTest.ntlm("x")));
        client.initialToken(null);
        byte[] resp = new NegTokenResp(NegState.ACCEPT_INCOMPLETE, Oid.KERBEROS, null, null).encode();
        assertThatThrownBy(() -> client.nextToken(resp)).isInstanceOf(GssException.class)
                .hasMessageContaining("the server chose 1.2.840.113554.1.2.2");
    }
}
