package org.smbscope.trace.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientProfilesTest {
    @Test
    void smb3ServerSuitsEveryModernClient() throws Exception {
        assertThat(ClientProfiles.verdicts(Captures.messages("b_smb3_default.pcapng"))).containsExactly(
                "Windows 11 24H2: connects with SMB 3.1.1 and signs (it requires signing; SMB2 servers can always sign);"
                        + " guest access is refused.",
                "Windows 10: connects with SMB 3.1.1; signs only if the server requires it.",
                "Samba smbclient (defaults): connects with SMB 3.1.1 using NTLMv2.",
                "Windows 7: cannot connect: it speaks at most SMB 2.1.");
    }

    @Test
    void smb1OnlyServerWithSecurityModeThree() throws Exception {
        assertThat(ClientProfiles.verdicts(Captures.messages("a_smb1_nt1.pcapng"))).first().asString()
                .contains("cannot connect: the server speaks only SMB1", "System error 1240");
    }

    @Test
    void nothingNegotiatedNothingSaid() throws Exception {
        assertThat(ClientProfiles.verdicts(Captures.messages("g_nmblookup.pcapng"))).isEmpty();
    }
}
