package org.smbscope.interop.smb1server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smbscope.interop.smb1server.SmbclientNt1Test.ok;
import static org.smbscope.interop.smb1server.SmbclientNt1Test.sha;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;

/**
 * Our NT1 server with {@code server signing = mandatory} and {@code ntlm auth = ntlmv2-only}: Samba's smbclient
 * signs, non-extended security (client use spnego = no) works with NTLMv2, NTLMv1 is refused with
 * NT_STATUS_LOGON_FAILURE, and smbclient's default protocols are upgraded to SMB 3.1.1.
 */
class SmbclientNt1PoliciesTest {
    @TempDir
    static Path dir;
    static Nt1Server server;
    static Path local;

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        Peers.require("smbclient");
        server = Nt1Server.start(dir, "server signing = mandatory\nntlm auth = ntlmv2-only\n");
        local = Files.createDirectories(dir.resolve("local"));
        byte[] data = new byte[1 << 20];
        new Random(5).nextBytes(data);
        Files.write(local.resolve("f.bin"), data);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private ProcessResult transfer(String name, String... extra) throws Exception {
        String[] base = {server.unc("share"), "-m", "NT1", "-U", Nt1Server.CREDS, "-c",
                "lcd " + local + "; put f.bin " + name + "; get " + name + " " + name + ".back; ls"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        ProcessResult r = server.smbclient(all);
        return r;
    }

    @Test
    void signingMandatoryExtendedSecurity() throws Exception {
        ok(transfer("signed.bin", "--client-protection=sign"));
        assertThat(sha(local.resolve("signed.bin.back"))).isEqualTo(sha(local.resolve("f.bin")));
    }

    @Test
    void signingMandatoryNonExtendedSecurity() throws Exception {
        ok(transfer("nonext.bin", "--option=client use spnego=no", "--option=client ntlmv2 auth=yes"));
        assertThat(sha(local.resolve("nonext.bin.back"))).isEqualTo(sha(local.resolve("f.bin")));
        assertThat(sha(server.share.resolve("nonext.bin"))).isEqualTo(sha(local.resolve("f.bin")));
    }

    @Test
    void ntlmv1RefusedNonExtended() throws Exception {
        ProcessResult r = transfer("v1.bin", "--option=client use spnego=no", "--option=client ntlmv2 auth=no",
                "--option=client lanman auth=no");
        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("NT_STATUS_LOGON_FAILURE");
    }

    @Test
    void ntlmv1RefusedExtended() throws Exception {
        ProcessResult r = transfer("v1x.bin", "--option=client ntlmv2 auth=no", "--option=client lanman auth=no");
        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.output()).contains("NT_STATUS_LOGON_FAILURE");
    }

    @Test
    void multiProtocolNegotiateIsUpgraded() throws Exception {
        // client min protocol = NT1 (the fixture's client.conf), max the default: an SMB1 NEGOTIATE offering
        // NT LM 0.12, SMB 2.002 and SMB 2.???; our server answers 0x02FF and the SMB2 NEGOTIATE follows
        // (OurClientNt1Test checks the dialect: 3.1.1)
        ok(server.smbclient(server.unc("share"), "-U", Nt1Server.CREDS, "-c", "ls"));
    }
}
