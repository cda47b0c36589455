package org.smbscope.interop.kerberos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smbscope.cli.Main;
import org.smbscope.interop.fixture.KdcExtension;
import org.smbscope.interop.fixture.SambaExtension;
import picocli.CommandLine;

/**
 * {@code smbscope smbclient} with Samba's Kerberos flags against Samba and a private KDC: what a
 * person sees on stdout and stderr for -k by name, desired by IP (the fallback line), required by
 * IP, --kerberos-try-ip (the KDC's error 7), an alias without SPN, and a ticket cache.
 */
class KerberosSmbclientCliTest {
    static final String REALM = "CLI.TEST";
    static final String SERVER = "fileserver.cli.test";

    @RegisterExtension
    static final KdcExtension KDC = new KdcExtension(REALM, k -> k.addUser("alice", "Passw0rd!")
            .addService("cifs/" + SERVER), "cli.test");

    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> {
        Path keytab = KDC.kdc().exportKeytab("server.keytab", "cifs/" + SERVER);
        b.global("realm = " + REALM).global("kerberos method = dedicated keytab")
                .global("dedicated keytab file = FILE:" + keytab);
    });

    record Result(int exitCode, String stdout, String stderr) {
        String output() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    private static Result smbclient(String host, String... extra) {
        List<String> a = new ArrayList<>(List.of("smbclient", "//" + host + "/share", "-I",
                SAMBA.samba().address().getHostAddress(), "--krb5-conf", KDC.kdc().krb5Conf().toString(), "-t", "30"));
        a.addAll(List.of(extra));
        a.addAll(List.of("-c", "ls"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int rc = cl.execute(a.toArray(String[]::new));
        return new Result(rc, out.toString(), err.toString());
    }

    private static String ip() {
        return SAMBA.samba().address().getHostAddress();
    }

    @Test
    void kByNameWithPassword() throws Exception {
        Files.writeString(SAMBA.samba().shareDir("share").resolve("k.txt"), "kerberos\n");
        Result r = smbclient(SERVER, "-k", "-U", "alice%Passw0rd!");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).contains("k.txt");
        assertThat(r.stderr()).doesNotContain("NTLM");
    }

    @Test
    void traceDecodesTheApReqAndApRep() {
        Result r = smbclient(SERVER, "-k", "-U", "alice%Passw0rd!", "--trace");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stderr()).contains("MechType: 1.2.840.48018.1.2.2 (MS KRB5 - Microsoft Kerberos 5)")
                .contains("krb5_tok_id: KRB5_AP_REQ (0x0100)").contains("sname: cifs/" + SERVER + " (NT-UNKNOWN (0))")
                .contains("krb5_tok_id: KRB5_AP_REP (0x0200)").doesNotContain("NTLMSSP_");
    }

    @Test
    void ticketCacheWithoutPassword() {
        Path cc = KDC.kdc().kinit("alice", "Passw0rd!", "cli.ccache");
        Result r = smbclient(SERVER, "--use-kerberos=required", "--use-krb5-ccache=FILE:" + cc, "-N");
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    @Test
    void desiredByIpFallsBackAndSaysSo() {
        Result r = smbclient(ip(), "--use-kerberos=desired", "-U", "alice%Passw0rd!");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stderr()).contains("not trying Kerberos: the server was given as an IP address (" + ip() + ")")
                .contains("falling back to NTLM");
    }

    @Test
    void requiredByIpFails() {
        Result r = smbclient(ip(), "--use-kerberos=required", "-U", "alice%Passw0rd!");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.stderr()).contains("session setup failed: Kerberos is required: not trying Kerberos: the server"
                + " was given as an IP address");
    }

    @Test
    void requiredByIpWithTryIpShowsTheKdcError() {
        Result r = smbclient(ip(), "--use-kerberos=required", "--kerberos-try-ip", "-U", "alice%Passw0rd!");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.stderr()).contains("Kerberos to cifs/" + ip() + " failed: KDC_ERR_S_PRINCIPAL_UNKNOWN (7): "
                + "Server not found in Kerberos database");
    }

    @Test
    void desiredAliasWithoutSpnKdcError7ThenNtlm() {
        Result r = smbclient("fs-alias.cli.test", "--use-kerberos=desired", "-U", "alice%Passw0rd!");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stderr()).contains("Kerberos to cifs/fs-alias.cli.test failed: KDC_ERR_S_PRINCIPAL_UNKNOWN (7)")
                .contains("falling back to NTLM");
    }
}
