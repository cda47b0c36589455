package org.smbscope.interop.smb1;

import org.smbscope.interop.fixture.Smbscope;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smbscope.client.ClientConfig;
import org.smbscope.client.MultiProtocolNegotiation;
import org.smbscope.client.SmbClient;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbDialect;
import org.smbscope.interop.fixture.Samba;
import org.smbscope.interop.fixture.SambaExtension;

/**
 * The multi-protocol SMB1 NEGOTIATE against a default Samba (SMB1 off): offering "SMB 2.???" lands
 * on SMB 3.1.1 through the 0x02FF wildcard and a second NEGOTIATE; offering only up to "SMB 2.002"
 * lands on 2.0.2 with no second NEGOTIATE; SMB1 alone is refused and -L says why there is no
 * browse list.
 */
class MultiProtocolNegotiateTest {
    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> b.global("server signing = mandatory"));

    private static SmbConnection connect(SmbDialect max) throws Exception {
        Samba s = SAMBA.samba();
        ClientConfig c = ClientConfig.builder().minDialect(SmbDialect.NT1).maxDialect(max).build();
        return SmbClient.connect(c, s.address().getHostAddress(), 445, s.netbiosName());
    }

    @Test
    void wildcardThenRealSmb2Negotiate() throws Exception {
        try (SmbConnection c = connect(SmbDialect.SMB3_11)) {
            MultiProtocolNegotiation mp = c.multiProtocol().orElseThrow();
            assertThat(mp.offered()).containsExactly("NT LM 0.12", "SMB 2.002", "SMB 2.???");
            assertThat(mp.chosen()).isEqualTo("SMB 2.???");
            assertThat(mp.dialect()).isEqualTo(SmbDialect.SMB3_11);
            assertThat(mp.reason()).contains("0x02FF", "3.1.1");
            try (var s = c.session(org.smbscope.client.Credentials.of("", "alice", "Passw0rd!")); var t = s.tree("share")) {
                assertThat(s.signing()).isTrue();
                t.echo();
            }
        }
    }

    @Test
    void smb2002ChosenDirectly() throws Exception {
        try (SmbConnection c = connect(SmbDialect.SMB2_02)) {
            MultiProtocolNegotiation mp = c.multiProtocol().orElseThrow();
            assertThat(mp.offered()).containsExactly("NT LM 0.12", "SMB 2.002");
            assertThat(mp.chosen()).isEqualTo("SMB 2.002");
            assertThat(c.negotiated().dialect()).isEqualTo(SmbDialect.SMB2_02);
            try (var s = c.session(org.smbscope.client.Credentials.of("", "alice", "Passw0rd!")); var t = s.tree("share")) {
                assertThat(t.list("", "*")).isNotEmpty();
            }
        }
    }

    @Test
    void cliRecordsTheUpgradeAndExplainsTheMissingBrowseList() {
        Samba s = SAMBA.samba();
        String addr = s.address().getHostAddress();
        Smbscope.Result json = Smbscope.run("smbclient", "-L", "//" + addr, "-U", "alice%Passw0rd!",
                "--option", "client min protocol=NT1", "--json");
        assertThat(json.exitCode()).as(json.output()).isZero();
        assertThat(json.stdout()).contains("\"chosen\" : \"SMB 2.???\"", "\"dialect\" : \"3.1.1\"", "\"browseUnavailable\"");
        Smbscope.Result text = Smbscope.run("smbclient", "-L", "//" + addr, "-U", "alice%Passw0rd!");
        assertThat(text.exitCode()).as(text.output()).isZero();
        assertThat(text.stdout()).contains("Reconnecting with SMB1 for workgroup listing.",
                "SMB1 disabled on the server, no browse list (NetServerEnum2 needs SMB1)");
        Smbscope.Result smb1 = Smbscope.run("smbclient", "//" + addr + "/share", "-U", "alice%Passw0rd!", "-m", "NT1", "-c", "ls");
        assertThat(smb1.exitCode()).isNotZero();
        assertThat(smb1.stderr()).containsAnyOf("SMB1 disabled", "none of the offered dialects", "closed");
    }
}
