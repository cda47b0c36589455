package org.smbscope.interop.smb1;

import org.smbscope.interop.fixture.Smbscope;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smbscope.interop.fixture.Samba;
import org.smbscope.interop.fixture.SambaExtension;

/**
 * SMB1 against Samba with {@code ntlm auth = ntlmv2-only}: LM/NTLMv1 responses are refused with
 * NT_STATUS_LOGON_FAILURE (System error 1326), with and without extended security; NTLMv2 passes.
 * The server speaks only NT1 ({@code server max protocol = NT1}), so a multi-protocol NEGOTIATE lands
 * on NT LM 0.12 and records why.
 */
class Ntlmv2OnlyTest {
    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> b.global("server min protocol = NT1")
            .global("ntlm auth = ntlmv2-only").global("lanman auth = no").global("raw NTLMv2 auth = yes")
            .global("server max protocol = NT1"));

    @Test
    void ntlmv1IsRefusedWithoutExtendedSecurity() {
        Samba s = SAMBA.samba();
        Smbscope.Result r = Smbscope.smbclient(s, "share", "ls", "-m", "NT1", "--no-extended-security",
                "--option", "client ntlmv2 auth=no", "--option", "client lanman auth=yes");
        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.stderr()).contains("NT_STATUS_LOGON_FAILURE", "System error 1326 has occurred.");
    }

    @Test
    void ntlmv1IsRefusedInsideNtlmssp() {
        Samba s = SAMBA.samba();
        Smbscope.Result r = Smbscope.smbclient(s, "share", "ls", "-m", "NT1", "--option", "client ntlmv2 auth=no");
        assertThat(r.exitCode()).as(r.output()).isNotZero();
        assertThat(r.stderr()).contains("NT_STATUS_LOGON_FAILURE", "System error 1326 has occurred.");
    }

    @Test
    void multiProtocolNegotiateLandsOnNt1() throws Exception {
        Samba s = SAMBA.samba();
        var config = org.smbscope.client.ClientConfig.builder().minDialect(org.smbscope.client.SmbDialect.NT1).build();
        try (var c = org.smbscope.client.SmbClient.connect(config, s.address().getHostAddress(), 445, s.netbiosName())) {
            var mp = c.multiProtocol().orElseThrow();
            assertThat(mp.offered()).containsExactly("NT LM 0.12", "SMB 2.002", "SMB 2.???");
            assertThat(mp.chosen()).isEqualTo("NT LM 0.12");
            assertThat(mp.reason()).contains("SMB1");
            assertThat(c.negotiated().dialect()).isEqualTo(org.smbscope.client.SmbDialect.NT1);
        }
    }

    @Test
    void ntlmv2Passes() {
        Samba s = SAMBA.samba();
        Smbscope.Result ext = Smbscope.smbclient(s, "share", "ls", "-m", "NT1");
        assertThat(ext.exitCode()).as(ext.output()).isZero();
        Smbscope.Result raw = Smbscope.smbclient(s, "share", "ls", "-m", "NT1", "--no-extended-security");
        assertThat(raw.exitCode()).as(raw.output()).isZero();
    }
}
