package org.smbscope.interop.smb2;

import org.smbscope.interop.fixture.Smbscope;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smbscope.interop.fixture.Samba;
import org.smbscope.interop.fixture.SambaExtension;

/** Logon outcomes against Samba: NTLMv1 allowed or refused, wrong password, unknown share, guest. */
class AuthenticationTest {

    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> b.global("ntlm auth = ntlmv2-only"));

    @Test
    void ntlmv1IsRefused() {
        Smbscope.Result r = Smbscope.smbclient(SAMBA.samba(), "share", "ls", "--option", "client ntlmv2 auth = no");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.stderr()).contains("NT_STATUS_LOGON_FAILURE", "System error 1326 has occurred.");
    }

    @Test
    void ntlmv2Works() {
        Smbscope.Result r = Smbscope.smbclient(SAMBA.samba(), "share", "ls");
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    @Test
    void wrongPassword() {
        Samba s = SAMBA.samba();
        Smbscope.Result r = Smbscope.run("smbclient", "//" + s.address().getHostAddress() + "/share", "-U", "alice%wrong", "-c", "ls");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.stderr()).contains("session setup failed: NT_STATUS_LOGON_FAILURE", "System error 1326 has occurred.");
    }

    @Test
    void noSuchShare() {
        Smbscope.Result r = Smbscope.smbclient(SAMBA.samba(), "nosuchshare", "ls");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.stderr()).contains("tree connect failed: NT_STATUS_BAD_NETWORK_NAME", "System error 67 has occurred.");
    }

    @Test
    void guestOnAGuestShare() {
        Samba s = SAMBA.samba();
        Smbscope.Result r = Smbscope.run("smbclient", "//" + s.address().getHostAddress() + "/guest", "-U", "nobodyknows%x", "-c", "ls");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).contains("blocks available");
    }
}
