package org.smbscope.interop.smb2;

import org.smbscope.interop.fixture.Smbscope;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smbscope.interop.fixture.SambaExtension;

/** With {@code ntlm auth = ntlmv1-permitted} Samba accepts our NTLMv1 (extended session security) logon. */
class Ntlmv1PermittedTest {
    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> b.global("ntlm auth = ntlmv1-permitted"));

    @Test
    void ntlmv1IsAccepted() {
        Smbscope.Result r = Smbscope.smbclient(SAMBA.samba(), "share", "ls", "--option", "client ntlmv2 auth = no");
        assertThat(r.exitCode()).as(r.output()).isZero();
    }
}
