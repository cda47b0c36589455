package org.smbscope.interop.doctor2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smbscope.interop.fixture.KdcExtension;
import org.smbscope.interop.fixture.SambaExtension;

/**
 * {@code doctor -k} / {@code --use-kerberos} against a standalone Samba accepting Kerberos and a
 * private MIT KDC: the KDC's messages (relayed by the doctor) and the AP-REQ are explained, and
 * the Kerberos findings come out live: none by name; error 7 then NTLM for an alias; the IP
 * address case with and without try-ip; the PAC refused.
 */
class DoctorKerberosTest {
    static final String REALM = "SMBSCOPE.TEST";
    static final String SERVER = "fileserver.smbscope.test";
    static final String ALIAS = "fs-alias.smbscope.test";
    static final String WITH_PAC = "pac.smbscope.test";

    @RegisterExtension
    static final KdcExtension KDC = new KdcExtension(REALM, k -> k.addUser("alice", "Passw0rd!")
            .addService("cifs/" + SERVER).addServiceWithPac("cifs/" + WITH_PAC), "smbscope.test");

    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> {
        Path keytab = KDC.kdc().exportKeytab("server.keytab", "cifs/" + SERVER, "cifs/" + WITH_PAC);
        b.global("realm = " + REALM).global("kerberos method = dedicated keytab")
                .global("dedicated keytab file = FILE:" + keytab).global("ntlm auth = ntlmv2-only")
                .user("alice", "Passw0rd!");
    });

    private static String addr() {
        return SAMBA.samba().address().getHostAddress();
    }

    private static Analyze.Result doctor(String host, String... extra) {
        List<String> a = new ArrayList<>(List.of("doctor", "//" + host + "/share", "-I", addr(), "--timeout", "2",
                "-U", "alice%Passw0rd!", "--krb5-conf", KDC.kdc().krb5Conf().toString(), "--json"));
        a.addAll(List.of(extra));
        return Analyze.run(a.toArray(String[]::new));
    }

    @Test
    void byNameKerberosWorksAndTheKdcExchangeIsExplained() {
        Analyze.Result r = doctor(SERVER, "-k");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.rules()).as(r.output()).noneMatch(x -> x.startsWith("kerberos"));
        String ex = r.json().path("exchanges").toString();
        assertThat(ex).contains("Kerberos AS-REQ").contains("Kerberos TGS-REQ for cifs/" + SERVER + "@" + REALM)
                .contains("AP-REQ with a ticket for cifs/" + SERVER + "@" + REALM);
        assertThat(r.json().path("sessions").toString()).contains("Kerberos (alice@" + REALM + " to cifs/" + SERVER);
    }

    @Test
    void aliasDesiredError7ThenNtlmLive() {
        Analyze.Result r = doctor(ALIAS, "--use-kerberos=desired");
        assertThat(r.rules()).as(r.output()).contains("kerberos-spn-unknown");
        assertThat(r.finding("kerberos-spn-unknown").path("title").asText()).contains("cifs/" + ALIAS)
                .contains("fell back to NTLM");
        assertThat(r.json().path("sessions").toString()).contains("KDC_ERR_S_PRINCIPAL_UNKNOWN (7)")
                .contains("falling back to NTLM");
    }

    @Test
    void byIpDesiredIsKerberosByIp() {
        Analyze.Result r = doctor(addr(), "--use-kerberos", "desired");
        assertThat(r.rules()).as(r.output()).contains("kerberos-by-ip").doesNotContain("kerberos-spn-unknown");
        assertThat(r.json().path("sessions").toString()).contains("IP address");
    }

    @Test
    void byIpWithTryIpTheKdcSaysError7() {
        Analyze.Result r = doctor(addr(), "--use-kerberos=desired", "--kerberos-try-ip");
        assertThat(r.finding("kerberos-spn-unknown").path("title").asText()).contains("cifs/" + addr());
        assertThat(r.finding("kerberos-spn-unknown").path("fix").toString()).contains("TryIPSPN");
    }

    @Test
    void pacRefusedIsTheTopFinding() {
        Analyze.Result r = doctor(WITH_PAC, "-k");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.rules().get(0)).as(r.output()).isEqualTo("kerberos-pac-refused");
        assertThat(r.finding("kerberos-pac-refused").path("title").asText()).contains("cifs/" + WITH_PAC);
    }

    @Test
    void noKdcAnswersThenNtlm(@org.junit.jupiter.api.io.TempDir Path dir) throws java.io.IOException {
        String conf = java.nio.file.Files.readString(KDC.kdc().krb5Conf())
                .replace("kdc = " + KDC.kdc().address().getHostAddress() + ":88", "kdc = 127.0.0.1:1");
        Path krb5 = java.nio.file.Files.writeString(dir.resolve("krb5.conf"), conf);
        List<String> a = List.of("doctor", "//" + SERVER + "/share", "-I", addr(), "--timeout", "2", "-U",
                "alice%Passw0rd!", "--krb5-conf", krb5.toString(), "--use-kerberos=desired", "--json");
        Analyze.Result r = Analyze.run(a.toArray(String[]::new));
        assertThat(r.rules()).as(r.output()).contains("kerberos-no-kdc");
        assertThat(r.finding("kerberos-no-kdc").path("title").asText()).contains("127.0.0.1:1");
        assertThat(r.finding("kerberos-no-kdc").path("evidence").toString()).contains("NTLMSSP");
    }

    @Test
    void textOutputShowsTheKerberosStep() {
        List<String> a = List.of("doctor", "//" + ALIAS + "/share", "-I", addr(), "--timeout", "2", "-U",
                "alice%Passw0rd!", "--krb5-conf", KDC.kdc().krb5Conf().toString(), "--use-kerberos=desired");
        Analyze.Result r = Analyze.run(a.toArray(String[]::new));
        assertThat(r.stdout()).as(r.output()).contains("Kerberos desired: realm " + REALM)
                .contains("Kerberos: Kerberos to cifs/" + ALIAS)
                .contains("[kerberos-spn-unknown]");
    }
}
