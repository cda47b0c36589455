package org.smbscope.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.asn1.Oid;
import org.smbscope.codec.kerberos.ErrorCode;
import org.smbscope.codec.spnego.GssMechanism;
import org.smbscope.codec.spnego.NegTokenInit;
import org.smbscope.codec.spnego.NtlmMechanism;

/** The choice between Kerberos and NTLM that needs no KDC: off, by IP address, no Kerberos offered. */
class SessionMechanismsTest {
    private final List<String> notices = new ArrayList<>();

    private static GssMechanism ntlm() {
        return new NtlmMechanism(null);
    }

    @Test
    void offUsesNtlmOnly() throws Exception {
        SessionMechanisms.Plan p = SessionMechanisms.choose(KerberosSettings.off(), "alice", "", "pw", "fs.lab.test",
                null, SessionMechanismsTest::ntlm);
        assertThat(p.mechanisms()).hasSize(1).allMatch(m -> m.oid().equals(Oid.NTLMSSP));
        assertThat(p.kerberos()).isNull();
        assertThat(p.notice()).isNull();
    }

    @Test
    void byIpAddressDesiredFallsBackAndSaysWhy() throws Exception {
        KerberosSettings s = KerberosSettings.of(KerberosMode.DESIRED).withNotices(notices::add);
        SessionMechanisms.Plan p = SessionMechanisms.choose(s, "alice", "", "pw", "127.0.0.21", null,
                SessionMechanismsTest::ntlm);
        assertThat(p.mechanisms()).extracting(GssMechanism::oid).containsExactly(Oid.NTLMSSP);
        assertThat(notices).containsExactly("not trying Kerberos: the server was given as an IP address (127.0.0.21)"
                + " and a KDC holds no SPN for addresses (ask for it with --kerberos-try-ip); falling back to NTLM");
    }

    @Test
    void byIpAddressRequiredFails() {
        KerberosSettings s = KerberosSettings.of(KerberosMode.REQUIRED);
        assertThatThrownBy(() -> SessionMechanisms.choose(s, "alice", "", "pw", "127.0.0.21", null,
                SessionMechanismsTest::ntlm)).isInstanceOf(KerberosAuthException.class)
                .hasMessageContaining("given as an IP address (127.0.0.21)");
        assertThatThrownBy(() -> SessionMechanisms.choose(s, "alice", "", "pw", "fe80::1", null,
                SessionMechanismsTest::ntlm)).isInstanceOf(KerberosAuthException.class);
    }

    @Test
    void serverWithoutKerberosInItsHint() throws Exception {
        byte[] hint = NegTokenInit.serverHint(List.of(Oid.NTLMSSP)).encode();
        KerberosSettings s = KerberosSettings.of(KerberosMode.DESIRED).withNotices(notices::add);
        SessionMechanisms.Plan p = SessionMechanisms.choose(s, "alice", "", "pw", "fs.lab.test", hint,
                SessionMechanismsTest::ntlm);
        assertThat(p.kerberos()).isNull();
        assertThat(notices.get(0)).startsWith("not trying Kerberos: the server does not offer it");
        assertThat(SessionMechanisms.offersKerberos(NegTokenInit.serverHint(List.of(Oid.MS_KERBEROS, Oid.NTLMSSP))
                .encode())).isTrue();
    }

    @Test
    void principalsAndCaches() throws Exception {
        assertThat(SessionMechanisms.principal("alice", "lab.test")).isEqualTo("alice@LAB.TEST");
        assertThat(SessionMechanisms.principal("alice", "LAB")).isEqualTo("alice");
        assertThat(SessionMechanisms.principal("alice@X.Y", "LAB")).isEqualTo("alice@X.Y");
        assertThat(SessionMechanisms.principal("", "LAB")).isNull();
        assertThat(SessionMechanisms.ccachePath("FILE:/tmp/cc").toString()).isEqualTo("/tmp/cc");
        assertThat(SessionMechanisms.ccachePath("/tmp/cc").toString()).isEqualTo("/tmp/cc");
        assertThatThrownBy(() -> SessionMechanisms.ccachePath("KEYRING:persistent:0"))
                .hasMessageContaining("not a FILE: cache");
        assertThat(SessionMechanisms.isIpAddress("10.1.2.3")).isTrue();
        assertThat(SessionMechanisms.isIpAddress("fs1.lab.test")).isFalse();
        assertThat(KerberosMode.parse("Desired")).isEqualTo(KerberosMode.DESIRED);
        assertThatThrownBy(() -> KerberosMode.parse("maybe")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void kdcErrorsFromJdkMessages() {
        Exception jdk = new Exception("No valid credentials provided (Mechanism level: Server not found in Kerberos"
                + " database (7) - LOOKING_UP_SERVER)", new Exception("Identifier doesn't match expected value (906)"));
        assertThat(KdcErrors.find(jdk)).isEqualTo(ErrorCode.S_PRINCIPAL_UNKNOWN);
        assertThat(KdcErrors.describe(jdk)).isEqualTo(
                "KDC_ERR_S_PRINCIPAL_UNKNOWN (7): Server not found in Kerberos database [LOOKING_UP_SERVER]");
        Exception skew = new Exception("Clock skew too great (37) - PROCESS_TGS");
        assertThat(KdcErrors.find(skew)).isEqualTo(ErrorCode.SKEW);
        assertThat(KdcErrors.find(new Exception("Identifier doesn't match expected value (906)"))).isNull();
        assertThat(KdcErrors.describe(new Exception("Unable to obtain password from user"))).isEqualTo(
                "Unable to obtain password from user");
    }
}
