package org.smbscope.interop.doctor2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.client.ClientConfig;
import org.smbscope.client.Credentials;
import org.smbscope.client.SmbClient;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbException;
import org.smbscope.client.SmbSession;
import org.smbscope.client.SmbTree;
import org.smbscope.client.auth.KerberosMode;
import org.smbscope.client.auth.KerberosSettings;
import org.smbscope.interop.fixture.KdcExtension;
import org.smbscope.interop.fixture.SambaExtension;

/**
 * Captures (tshark on lo, filtered on the KDC's and Samba's addresses) of our client doing
 * Kerberos against Samba and the private MIT KDC, then {@code analyze} on each: by name no
 * finding; an alias with no SPN names KDC error 7 and the NTLM fallback; by IP with try-ip the
 * KDC's error 7 for cifs/address; a ticket with a PAC refused by the standalone server. Set
 * {@code -Dsmbscope.keepCaptures=DIR} to keep the captures (the trace module's references were
 * made that way).
 */
class KerberosCaptureAnalyzeTest {
    static final String REALM = "SMBSCOPE.TEST";
    static final String SERVER = "fileserver.smbscope.test";
    static final String ALIAS = "fs-alias.smbscope.test";
    static final String WITH_PAC = "pac.smbscope.test";
    static final Credentials ALICE = Credentials.of("", "alice", "Passw0rd!");

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

    @TempDir
    Path dir;

    private static String addr() {
        return SAMBA.samba().address().getHostAddress();
    }

    private static ClientConfig config(KerberosMode mode, boolean tryIp) {
        KerberosSettings k = KerberosSettings.of(mode).withKrb5Conf(KDC.kdc().krb5Conf()).withTryIpAddress(tryIp);
        return ClientConfig.builder().kerberos(k).build();
    }

    private LoopbackCapture capture(String name) throws IOException, InterruptedException {
        return LoopbackCapture.start(dir.resolve(name), "host " + KDC.kdc().address().getHostAddress() + " or host "
                + addr());
    }

    private static Analyze.Result analyze(Path pcap) throws IOException {
        String keep = System.getProperty("smbscope.keepCaptures");
        if (keep != null) {
            Files.createDirectories(Path.of(keep));
            Files.copy(pcap, Path.of(keep).resolve(pcap.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
        Analyze.Result r = Analyze.run("analyze", pcap.toString(), "--json");
        assertThat(r.stderr()).as(r.output()).doesNotContain("Exception");
        return r;
    }

    @Test
    void byNameTheTicketIsNamedAndNoKerberosFinding() throws Exception {
        try (LoopbackCapture cap = capture("krb-by-name.pcapng")) {
            try (SmbConnection c = SmbClient.connect(config(KerberosMode.REQUIRED, false), addr(), 445, SERVER);
                    SmbSession s = c.session(ALICE); SmbTree t = s.tree("IPC$")) {
                assertThat(s.mechanism()).startsWith("Kerberos");
            }
            cap.close();
            Analyze.Result r = analyze(cap.file());
            assertThat(r.rules()).as(r.output()).noneMatch(x -> x.startsWith("kerberos"));
            assertThat(r.stdout()).contains("Kerberos AS-REQ").contains("Kerberos TGS-REQ for cifs/" + SERVER + "@" + REALM)
                    .contains("AP-REQ with a ticket for cifs/" + SERVER + "@" + REALM);
        }
    }

    @Test
    void aliasWithoutSpnError7ThenNtlm() throws Exception {
        try (LoopbackCapture cap = capture("krb-alias-error7.pcapng")) {
            try (SmbConnection c = SmbClient.connect(config(KerberosMode.DESIRED, false), addr(), 445, ALIAS);
                    SmbSession s = c.session(ALICE); SmbTree t = s.tree("IPC$")) {
                assertThat(s.mechanism()).isEqualTo("NTLMSSP");
            }
            cap.close();
            Analyze.Result r = analyze(cap.file());
            assertThat(r.rules()).as(r.output()).contains("kerberos-spn-unknown");
            assertThat(r.finding("kerberos-spn-unknown").path("title").asText())
                    .contains("cifs/" + ALIAS).contains("fell back to NTLM");
            assertThat(r.finding("kerberos-spn-unknown").path("evidence").toString())
                    .contains("KDC_ERR_S_PRINCIPAL_UNKNOWN (7)").contains("NTLMSSP");
        }
    }

    @Test
    void byIpWithTryIpTheKdcRefusesTheAddressSpn() throws Exception {
        try (LoopbackCapture cap = capture("krb-by-ip-tryip.pcapng")) {
            try (SmbConnection c = SmbClient.connect(config(KerberosMode.DESIRED, true), addr(), 445, addr());
                    SmbSession s = c.session(ALICE)) {
                assertThat(s.mechanism()).isEqualTo("NTLMSSP");
            }
            cap.close();
            Analyze.Result r = analyze(cap.file());
            assertThat(r.rules()).as(r.output()).contains("kerberos-spn-unknown");
            assertThat(r.finding("kerberos-spn-unknown").path("title").asText()).contains("cifs/" + addr());
            assertThat(r.finding("kerberos-spn-unknown").path("fix").toString()).contains("TryIPSPN");
        }
    }

    @Test
    void pacRefusedByTheStandaloneServer() throws Exception {
        try (LoopbackCapture cap = capture("krb-pac-refused.pcapng")) {
            try (SmbConnection c = SmbClient.connect(config(KerberosMode.REQUIRED, false), addr(), 445, WITH_PAC)) {
                assertThatThrownBy(() -> c.session(ALICE)).isInstanceOf(SmbException.class);
            }
            cap.close();
            Analyze.Result r = analyze(cap.file());
            assertThat(r.rules()).as(r.output()).contains("kerberos-pac-refused");
            assertThat(r.finding("kerberos-pac-refused").path("title").asText()).contains("cifs/" + WITH_PAC);
        }
    }
}
