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
    void usernameMapApplies() throws Exception {
        KerberosAcceptor acceptor = acceptor(SpnValidation.ACCEPT_IF_PROVIDED,
                UsernameMap.parse("alicia = alice@" + REALM + "\n"));
        assertThat(acceptor.accept(client(SERVER).prepare()).user()).isEqualTo("alicia");
    }
}
