package org.smbscope.interop.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Set;
import javax.security.auth.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smbscope.client.auth.KerberosLogin;
import org.smbscope.client.auth.KerberosMechanism;
import org.smbscope.codec.kerberos.ErrorCode;
import org.smbscope.interop.fixture.Kdc;
import org.smbscope.interop.fixture.KdcExtension;
import org.smbscope.server.auth.KerberosAcceptException;
import org.smbscope.server.auth.KerberosAcceptor;
import org.smbscope.server.auth.SpnValidation;
import org.smbscope.server.auth.SpnegoAcceptor;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.smbscope.codec.asn1.Oid;
import org.smbscope.codec.ntlm.NtlmAccounts;
import org.smbscope.codec.ntlm.NtlmAuthResult;
import org.smbscope.codec.ntlm.NtlmClientConfig;
import org.smbscope.codec.ntlm.NtlmClientContext;
import org.smbscope.codec.ntlm.NtlmCredentials;
import org.smbscope.codec.ntlm.NtlmServerConfig;
import org.smbscope.codec.ntlm.NtlmServerContext;
import org.smbscope.codec.spnego.NegState;
import org.smbscope.codec.spnego.NegTokenResp;
import org.smbscope.codec.spnego.NtlmMechanism;
import org.smbscope.codec.spnego.NtlmSpnegoAcceptor;
import org.smbscope.codec.spnego.SpnegoClient;
import org.smbscope.codec.spnego.SpnegoToken;
import org.smbscope.server.auth.UsernameMap;
import org.smbscope.server.config.KerberosServerConfig;

/**
 * Our server's Kerberos acceptor (keytab, JGSS) takes our client's JGSS AP-REQ for tickets from a
 * real MIT KDC: both sides end with the same session key, the AP-REP completes the client's
 * mutual authentication; SPN validation refuses a ticket for a name we do not hold; the username
 * map applies. No SMB involved.
 */
class KerberosAcceptorInteropTest {
    static final String REALM = "ACCEPT.TEST";
    static final String SERVER = "fileserver.accept.test";
    static final String OTHER = "other.accept.test";

    @RegisterExtension
    static final KdcExtension KDC = new KdcExtension(REALM, k -> k.addUser("alice", "Passw0rd!")
            .addService("cifs/" + SERVER).addService("cifs/" + OTHER).addService("cifs/nokey.accept.test"),
            "accept.test");

    private static Path keytab() {
        Kdc k = KDC.kdc();
        Path kt = k.dir().resolve("server.keytab");
        return java.nio.file.Files.exists(kt) ? kt : k.exportKeytab("server.keytab", "cifs/" + SERVER, "cifs/" + OTHER);
    }

    private static KerberosAcceptor acceptor(SpnValidation validation, UsernameMap map) throws Exception {
        return KerberosAcceptor.open(new KerberosServerConfig(REALM, KerberosServerConfig.Method.DEDICATED_KEYTAB,
                keytab(), null), map, validation, Set.of(SERVER, "FILESERVER"), KDC.kdc().krb5Conf());
    }

    private static KerberosMechanism client(String host) throws Exception {
        KerberosLogin.useKrb5Conf(KDC.kdc().krb5Conf());
        Subject alice = KerberosLogin.withPassword("alice", "Passw0rd!".toCharArray());
        return new KerberosMechanism(alice, "cifs/" + host);
    }

    @Test
    void clientTokenAcceptedSameSessionKeyBothSides() throws Exception {
        KerberosAcceptor acceptor = acceptor(SpnValidation.REQUIRED, UsernameMap.empty());
        KerberosMechanism client = client(SERVER);
        byte[] apReq = client.prepare();
        KerberosAcceptor.Accepted ok = acceptor.accept(apReq);
        assertThat(ok.clientPrincipal()).isEqualTo("alice@" + REALM);
        assertThat(ok.user()).isEqualTo("alice");
        assertThat(ok.serverPrincipal()).isEqualTo("cifs/" + SERVER + "@" + REALM);
        assertThat(ok.responseToken()).as("AP-REP for mutual authentication").isNotNull();
        assertThat(client.nextToken(ok.responseToken())).isNull();
        assertThat(client.isComplete()).isTrue();
        assertThat(client.sessionKey()).hasSize(32).isEqualTo(ok.sessionKey());
    }

    @Test
    void ticketForANameWeDoNotHoldRefusedWhenValidating() throws Exception {
        byte[] apReq = client(OTHER).prepare();
        assertThatThrownBy(() -> acceptor(SpnValidation.REQUIRED, UsernameMap.empty()).accept(apReq))
                .isInstanceOfSatisfying(KerberosAcceptException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.NOT_US))
                .hasMessageContaining("ticket for cifs/" + OTHER + "@" + REALM);
        KerberosAcceptor.Accepted off = acceptor(SpnValidation.OFF, UsernameMap.empty()).accept(client(OTHER).prepare());
        assertThat(off.serverPrincipal()).isEqualTo("cifs/" + OTHER + "@" + REALM);
    }

    @Test
    void ticketForAPrincipalNotInTheKeytab() throws Exception {
        byte[] apReq = client("nokey.accept.test").prepare();
        assertThatThrownBy(() -> acceptor(SpnValidation.OFF, UsernameMap.empty()).accept(apReq))
                .isInstanceOf(KerberosAcceptException.class)
                .hasMessageContaining("ticket for cifs/nokey.accept.test@" + REALM + " refused");
    }

    @Test
    void spnegoKerberosFirstCompletesInOneRoundTrip() throws Exception {
        SpnegoAcceptor server = new SpnegoAcceptor(acceptor(SpnValidation.REQUIRED, UsernameMap.empty()), ntlmAcceptor());
        KerberosMechanism krb = client(SERVER);
        krb.prepare();
        SpnegoClient spnego = new SpnegoClient(List.of(krb, ntlm()));
        byte[] first = spnego.initialToken(SpnegoAcceptor.negotiateHint(true, true));
        SpnegoAcceptor.Step step = server.accept(first);
        assertThat(step).isInstanceOf(SpnegoAcceptor.KerberosDone.class);
        NegTokenResp resp = (NegTokenResp) SpnegoToken.decode(step.response());
        assertThat(resp.negState()).isEqualTo(NegState.ACCEPT_COMPLETED);
        assertThat(resp.supportedMech()).isEqualTo(Oid.KERBEROS);
        spnego.nextToken(step.response());
        assertThat(spnego.isComplete()).isTrue();
        assertThat(spnego.sessionKey()).isEqualTo(((SpnegoAcceptor.KerberosDone) step).accepted().sessionKey());
    }

    @Test
    void spnegoNtlmOnlyClientGoesToTheNtlmAcceptor() throws Exception {
        SpnegoAcceptor server = new SpnegoAcceptor(acceptor(SpnValidation.REQUIRED, UsernameMap.empty()), ntlmAcceptor());
        SpnegoClient spnego = new SpnegoClient(List.of(ntlm()));
        SpnegoAcceptor.Step s1 = server.accept(spnego.initialToken(SpnegoAcceptor.negotiateHint(true, true)));
        assertThat(s1).isInstanceOf(SpnegoAcceptor.Continue.class);
        SpnegoAcceptor.Step s2 = server.accept(spnego.nextToken(s1.response()));
        assertThat(s2).isInstanceOfSatisfying(SpnegoAcceptor.NtlmDone.class,
                d -> assertThat(d.result()).isInstanceOf(NtlmAuthResult.Success.class));
    }

    @Test
    void spnegoKerberosRefusedIsAReject() throws Exception {
        SpnegoAcceptor server = new SpnegoAcceptor(acceptor(SpnValidation.REQUIRED, UsernameMap.empty()), null);
        KerberosMechanism krb = client(OTHER);
        SpnegoClient spnego = new SpnegoClient(List.of(krb));
        SpnegoAcceptor.Step step = server.accept(spnego.initialToken(null));
        assertThat(step).isInstanceOfSatisfying(SpnegoAcceptor.Rejected.class,
                r -> assertThat(r.kerberosError()).isEqualTo(ErrorCode.NOT_US));
        assertThat(((NegTokenResp) SpnegoToken.decode(step.response())).negState()).isEqualTo(NegState.REJECT);
    }

    private static final Clock CLOCK = Clock.systemUTC();

    private static NtlmMechanism ntlm() {
        return new NtlmMechanism(new NtlmClientContext(NtlmClientConfig.defaults(
                NtlmCredentials.password("WORKGROUP", "alice", "Passw0rd!"), "fileserver"), CLOCK, new SplittableRandom(3)));
    }

    private static NtlmSpnegoAcceptor ntlmAcceptor() {
        return new NtlmSpnegoAcceptor(new NtlmServerContext(NtlmServerConfig.standalone("FILESERVER", "WORKGROUP"),
                (d, u) -> Optional.of(NtlmAccounts.NtlmAccount.withPassword("alice", "Passw0rd!")), CLOCK,
                new SplittableRandom(4)));
    }

    @Test
    void usernameMapApplies() throws Exception {
        KerberosAcceptor acceptor = acceptor(SpnValidation.ACCEPT_IF_PROVIDED,
                UsernameMap.parse("alicia = alice@" + REALM + "\n"));
        assertThat(acceptor.accept(client(SERVER).prepare()).user()).isEqualTo("alicia");
    }
}
