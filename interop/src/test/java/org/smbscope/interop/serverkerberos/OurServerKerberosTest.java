package org.smbscope.interop.serverkerberos;

import org.smbscope.interop.fixture.Smbscope;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.client.auth.KerberosLogin;
import org.smbscope.interop.fixture.KdcExtension;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.serverpolicies.PolicyServer;

/**
 * Our server with {@code kerberos method = dedicated keytab} (keys of cifs/fs.srvk.test and cifs/other.srvk.test)
 * and {@code server spn target name validation = required}, against a private MIT KDC: Samba's
 * {@code smbclient --use-kerberos=required} with a kinit ticket cache and our own {@code smbclient -k} connect by
 * name with Kerberos only (signed, and encrypted on request, with the Kerberos session key); a ticket for
 * other.srvk.test, whose key the keytab holds but which is not one of our names, is refused with
 * NT_STATUS_ACCESS_DENIED (and accepted by a server whose validation is off).
 */
class OurServerKerberosTest {
    static final String REALM = "SRVK.TEST";
    static final String NAME = "fs.srvk.test";
    static final String OTHER = "other.srvk.test";

    @RegisterExtension
    static final KdcExtension KDC = new KdcExtension(REALM, k -> k.addUser("alice", "Passw0rd!")
            .addService("cifs/" + NAME).addService("cifs/" + OTHER), "srvk.test");

    @TempDir
    static Path dir;
    static PolicyServer server;
    static Path ccache;

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        Peers.require("smbclient");
        KerberosLogin.useKrb5Conf(KDC.kdc().krb5Conf());
        Path keytab = KDC.kdc().exportKeytab("fs.keytab", "cifs/" + NAME, "cifs/" + OTHER);
        server = PolicyServer.start(dir, "FS", """
                realm = %s
                kerberos method = dedicated keytab
                dedicated keytab file = FILE:%s
                server spn target name validation = required
                """.formatted(REALM, keytab));
        ccache = KDC.kdc().kinit("alice", "Passw0rd!", "alice.ccache");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static ProcessResult sambaKerberos(String host, String... extra) throws Exception {
        String[] args = new String[5 + extra.length];
        args[0] = "//" + host + "/share";
        args[1] = "-I";
        args[2] = server.ip();
        args[3] = "--use-kerberos=required";
        args[4] = "-N";
        System.arraycopy(extra, 0, args, 5, extra.length);
        return server.samba("", Map.of("KRB5_CONFIG", KDC.kdc().krb5Conf().toString(), "KRB5CCNAME", "FILE:" + ccache),
                args);
    }

    @Test
    void sambaSmbclientByNameWithKerberosOnly() throws Exception {
        ProcessResult r = sambaKerberos(NAME, "-m", "SMB3_11", "-c", "ls");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).contains("hello.txt");
        assertThat(KDC.kdc().log()).contains("cifs/" + NAME + "@" + REALM);
    }

    @Test
    void sambaSmbclientEncryptsWithTheKerberosKey() throws Exception {
        ProcessResult r = sambaKerberos(NAME, "-m", "SMB3_11", "--client-protection=encrypt", "-c", "ls");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).contains("hello.txt");
        ProcessResult signed = sambaKerberos(NAME, "-m", "SMB2_10", "--client-protection=sign", "-c", "ls");
        assertThat(signed.exitCode()).as(signed.output()).isZero();
    }

    @Test
    void sambaTicketForANameWeDoNotHoldIsRefused() throws Exception {
        ProcessResult r = sambaKerberos(OTHER, "-c", "ls");
        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("NT_STATUS_ACCESS_DENIED");
    }

    /** With validation off (the default) the same ticket is accepted: the keytab holds its key. */
    @Test
    void ticketForAnotherNameAcceptedWhenValidationIsOff() throws Exception {
        Path keytab = KDC.kdc().dir().resolve("fs.keytab");
        try (PolicyServer lax = PolicyServer.start(java.nio.file.Files.createTempDirectory(dir, "lax"), "FS", """
                realm = %s
                kerberos method = dedicated keytab
                dedicated keytab file = %s
                """.formatted(REALM, keytab))) {
            ProcessResult r = lax.samba("", Map.of("KRB5_CONFIG", KDC.kdc().krb5Conf().toString(), "KRB5CCNAME",
                    "FILE:" + ccache), "//" + OTHER + "/share", "-I", lax.ip(), "--use-kerberos=required", "-N", "-c", "ls");
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(r.stdout()).contains("hello.txt");
        }
    }

    @Test
    void ourClientByNameWithKerberos() {
        Smbscope.Result r = PolicyServer.ours("smbclient", "//" + NAME + "/share", "-I", server.ip(), "--krb5-conf",
                KDC.kdc().krb5Conf().toString(), "-t", "30", "-k", "-U", PolicyServer.CREDS, "--trace", "-c", "ls");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).contains("hello.txt");
        assertThat(r.stderr()).contains("krb5_tok_id: KRB5_AP_REQ (0x0100)").contains("krb5_tok_id: KRB5_AP_REP (0x0200)")
                .contains("sname: cifs/" + NAME).doesNotContain("NTLMSSP_");
    }

    @Test
    void ourClientTicketForANameWeDoNotHoldIsRefused() {
        Smbscope.Result r = PolicyServer.ours("smbclient", "//" + OTHER + "/share", "-I", server.ip(), "--krb5-conf",
                KDC.kdc().krb5Conf().toString(), "-t", "30", "--use-kerberos=required", "-U", PolicyServer.CREDS,
                "-c", "ls");
        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.stderr()).contains("session setup failed: NT_STATUS_ACCESS_DENIED")
                .contains("System error 5 has occurred.");
    }
}
