package org.smbscope.trace.explain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The narrative of the reference captures names what the seed write-up looks for. */
class ExplainerCaptureTest {
    static String narrative(String capture) throws Exception {
        return Explainer.explain(Captures.messages(capture)).render();
    }

    @Test
    void smb1NegotiateExplainsSecurityModeThreeAndTheFingerprint() throws Exception {
        String n = narrative("a_smb1_nt1.pcapng");
        assertThat(n).contains("Conversation 127.0.0.1:56992 -> 127.0.0.10:445", "  Negotiate", "  Authentication",
                "  Tree connect", "frame 5     -> SMB1 SMB_COM_NEGOTIATE request",
                "The client offers NT LANMAN 1.0, NT LM 0.12.",
                "Server SecurityMode 3: bit 0 user-level security = 1, bit 1 encrypted passwords = 1, bit 2 signing"
                        + " enabled = 0, bit 3 signing required = 0",
                "System error 1240", "SPNEGO: the server offers NTLMSSP.",
                "Server fingerprint (target info): NetBIOS name LAB10, NetBIOS domain LAB10",
                "Response sent: NTLMv2", "cifs/127.0.0.10", "Server OS: Windows 6.1, Samba 4.17.12-Debian");
    }

    @Test
    void smb2NegotiateExplainsDialectSigningAndTime() throws Exception {
        String n = narrative("b_smb3_default.pcapng");
        assertThat(n).contains("The client offers SMB 2.0.2, SMB 2.1, SMB 3.0, SMB 3.0.2, SMB 3.1.1.",
                "The server picks SMB 3.1.1.", "bit 0 SIGNING_ENABLED = 1, bit 1 SIGNING_REQUIRED = 0",
                "Server time: the server's clock reads", "Kerberos is not offered");
    }

    @Test
    void wrongPasswordShowsTheStatusAndTheWindowsError() throws Exception {
        assertThat(narrative("d_wrong_password.pcapng")).contains(
                "Status STATUS_LOGON_FAILURE (0xc000006d); a Windows client reports \"System error 1326 has occurred.");
    }

    @Test
    void ntlmv1AndLmAreNamed() throws Exception {
        String n = narrative("j_ntlmv1_lm.pcapng");
        assertThat(n).contains("Response sent: NTLMv1 with extended session security",
                "No extended security: an 8-byte challenge", "NTLMv1 (sent at LAN Manager authentication levels 0-2");
    }

    @Test
    void port139SessionRequestIsTheTransportStep() throws Exception {
        assertThat(narrative("h_port139_nbss.pcapng")).contains("  Transport",
                "NetBIOS session request on port 139: the client calls", "The server accepts the session");
    }

    @Test
    void guestSessionsAreCalledOut() throws Exception {
        assertThat(narrative("f_anonymous_guest.pcapng")).contains("The server logged the client on as GUEST",
                "NTLMSSP_AUTH: anonymous (null session)");
    }

    @Test
    void multiProtocolNegotiateIsAnsweredWithTheWildcard() throws Exception {
        assertThat(narrative("l_impacket_client.pcapng")).contains("SMB 2.002, SMB 2.???",
                "It also offers SMB2 in this SMB1 message", "The server picks SMB 2.???: the answer to a multi-protocol"
                        + " SMB1 negotiate");
    }

    @Test
    void nameQueriesAreTheNameStep() throws Exception {
        assertThat(narrative("g_nmblookup.pcapng")).contains("  Name", "Negative answer");
    }
}
