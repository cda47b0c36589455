package org.smbscope.codec.smb1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

/** NEGOTIATE request/response from Samba captures a_smb1_nt1 (frames 5, 7) and j_ntlmv1_lm (frame 39). */
class NegotiateGoldenTest {
    static final byte[] REQUEST = Hex.parse("""
            ff 53 4d 42 72            # 0xFF 'SMB', Command NEGOTIATE
            00 00 00 00               # Status
            18                        # Flags CASE_INSENSITIVE, CANONICALIZED_PATHS
            43 c8                     # Flags2 0xc843
            00 00                     # PIDHigh
            00 00 00 00 00 00 00 00   # SecurityFeatures
            00 00                     # Reserved
            00 00  fe ff  00 00  00 00  # TID, PIDLow 0xfffe, UID, MID
            00                        # WordCount 0
            1b 00                     # ByteCount 27
            02 4e 54 20 4c 41 4e 4d 41 4e 20 31 2e 30 00   # 0x02 "NT LANMAN 1.0"
            02 4e 54 20 4c 4d 20 30 2e 31 32 00             # 0x02 "NT LM 0.12"
            """);

    static final byte[] RESPONSE_EXTENDED = Hex.parse("""
            ff 53 4d 42 72 00 00 00 00   # header: NEGOTIATE, STATUS_SUCCESS
            88 43 c8 00 00               # Flags REPLY|CASE_INSENSITIVE, Flags2 0xc843, PIDHigh
            00 00 00 00 00 00 00 00 00 00  # SecurityFeatures, Reserved
            00 00 fe ff 00 00 00 00      # TID, PIDLow, UID, MID
            11                           # WordCount 17
            01 00                        # DialectIndex 1 (NT LM 0.12)
            03                           # SecurityMode 3: user, encrypt passwords
            32 00                        # MaxMpxCount 50
            01 00                        # MaxNumberVcs 1
            04 41 00 00                  # MaxBufferSize 16644
            00 00 01 00                  # MaxRawSize 65536
            e6 3d 00 00                  # SessionKey 0x3de6
            fd f3 80 80                  # Capabilities 0x8080f3fd
            07 37 db ff 4d 79 dd 01      # SystemTime
            00 00                        # ServerTimeZone 0
            00                           # ChallengeLength 0
            5a 00                        # ByteCount 90
            6c 61 62 31 30 00 00 00 00 00 00 00 00 00 00 00   # ServerGUID ("lab10" padded)
            60 48 06 06 2b 06 01 05 05 02 a0 3e 30 3c a0 0e 30 0c 06 0a 2b 06 01 04 01 82 37 02 02 0a
            a3 2a 30 28 a0 26 1b 24 6e 6f 74 5f 64 65 66 69 6e 65 64 5f 69 6e 5f 52 46 43 34 31 37 38
            40 70 6c 65 61 73 65 5f 69 67 6e 6f 72 65     # SecurityBlob: SPNEGO NegTokenInit
            """);

    static final byte[] RESPONSE_NON_EXTENDED = Hex.parse("""
            ff 53 4d 42 72 00 00 00 00 88 03 c0 00 00   # header, Flags2 0xc003 (no extended security)
            00 00 00 00 00 00 00 00 00 00 00 00 fe ff 00 00 00 00
            11 01 00 03 32 00 01 00 04 41 00 00 00 00 01 00 c6 56 00 00  # WC 17, idx 1, mode 3, ...
            fd f3 80 00                  # Capabilities 0x0080f3fd (no CAP_EXTENDED_SECURITY)
            3f 0b 13 4b 4e 79 dd 01 00 00
            08                           # ChallengeLength 8
            22 00                        # ByteCount 34
            07 cb a4 d9 51 0f c2 dc      # EncryptionKey (challenge)
            4c 00 41 00 42 00 47 00 52 00 50 00 00 00   # DomainName "LABGRP" (unaligned, as Samba sends)
            4c 00 41 00 42 00 31 00 30 00 00 00         # ServerName "LAB10"
            """);

    @Test
    void request() throws Exception {
        Smb1Packet p = Smb1Packet.decode(REQUEST);
        assertThat(p.header().command()).isEqualTo(Smb1Command.NEGOTIATE);
        assertThat(p.header().flags2().names()).containsExactly("UNICODE", "NT_STATUS", "EXTENDED_SECURITY",
                "IS_LONG_NAME", "EAS", "LONG_NAMES");
        assertThat(p.header().pidLow()).isEqualTo(0xfffe);
        List<Smb1Message> m = Smb1Messages.decode(REQUEST);
        assertThat(m).containsExactly(new NegotiateRequest(List.of("NT LANMAN 1.0", "NT LM 0.12")));
        assertThat(m.get(0).detail().render()).isEqualTo("""
                Negotiate Protocol Request
                  Word Count (WCT): 0
                  Requested Dialects
                    Dialect: NT LANMAN 1.0
                      Buffer Format: Dialect (2)
                      Name: NT LANMAN 1.0
                    Dialect: NT LM 0.12
                      Buffer Format: Dialect (2)
                      Name: NT LM 0.12
                """);
        assertThat(Smb1Packet.encode(p.header(), m)).isEqualTo(REQUEST);
    }

    @Test
    void extendedResponse() throws Exception {
        Smb1Packet p = Smb1Packet.decode(RESPONSE_EXTENDED);
        NegotiateResponse r = (NegotiateResponse) Smb1Messages.decode(p.header(), p.first());
        assertThat(p.header().isReply()).isTrue();
        assertThat(r.dialectIndex()).isEqualTo(1);
        assertThat(r.securityMode().value()).isEqualTo(3);
        assertThat(r.maxMpxCount()).isEqualTo(50);
        assertThat(r.maxBufferSize()).isEqualTo(16644);
        assertThat(r.maxRawSize()).isEqualTo(65536);
        assertThat(r.sessionKey()).isEqualTo(0x3de6);
        assertThat(r.extendedSecurity()).isTrue();
        assertThat(r.capabilities().names()).contains("CAP_UNICODE", "CAP_NT_SMBS", "CAP_STATUS32",
                "CAP_LARGE_READX", "CAP_LARGE_WRITEX", "CAP_UNIX", "CAP_EXTENDED_SECURITY");
        assertThat(new String(r.serverGuid(), 0, 5)).isEqualTo("lab10");
        assertThat(r.securityBlob()).hasSize(74);
        assertThat(r.detail().render()).contains("Security Mode: 0x03, Mode, Password",
                "user-level security, challenge/response passwords, signing not offered",
                "Server GUID: 6c61623130", "Security Blob: 74 bytes");
        assertThat(Smb1Packet.encode(p.header(), r)).isEqualTo(RESPONSE_EXTENDED);
    }

    @Test
    void nonExtendedResponse() throws Exception {
        Smb1Packet p = Smb1Packet.decode(RESPONSE_NON_EXTENDED);
        NegotiateResponse r = (NegotiateResponse) Smb1Messages.decode(p.header(), p.first());
        assertThat(r.extendedSecurity()).isFalse();
        assertThat(HexFormat.of().formatHex(r.challenge())).isEqualTo("07cba4d9510fc2dc");
        assertThat(r.domainName()).isEqualTo("LABGRP");
        assertThat(r.serverName()).isEqualTo("LAB10");
        assertThat(r.detail().render()).contains("Challenge/Response Encryption Key: 07cba4d9510fc2dc",
                "Primary Domain: LABGRP", "Server: LAB10");
        assertThat(Smb1Packet.encode(p.header(), r)).isEqualTo(RESPONSE_NON_EXTENDED);
    }

    @Test
    void securityModes3_7_15() {
        assertThat(new SecurityMode(3).explain()).isEqualTo(
                "user-level security, challenge/response passwords, signing not offered");
        assertThat(new SecurityMode(7)).hasToString("0x07, Mode, Password, Signatures Enabled");
        assertThat(new SecurityMode(7).explain()).endsWith("signing enabled (used if the client asks)");
        assertThat(new SecurityMode(15)).hasToString("0x0f, Mode, Password, Signatures Enabled, Signatures Required");
        assertThat(new SecurityMode(15).signingRequired()).isTrue();
    }

    @Test
    void noDialectAndMultiProtocolRoundTrip() throws Exception {
        Smb1Header h = Smb1Header.request(Smb1Command.NEGOTIATE, Smb1Flags.NONE,
                new Smb1Flags2(Smb1Flags2.NT_STATUS | Smb1Flags2.UNICODE), 0, 1234, 0, 0);
        NegotiateRequest req = new NegotiateRequest(List.of(NegotiateRequest.NT_LM_0_12,
                NegotiateRequest.SMB_2_002, NegotiateRequest.SMB_2_WILDCARD));
        byte[] wire = Smb1Packet.encode(h, req);
        assertThat(Smb1Messages.decode(wire)).containsExactly(req);
        byte[] none = Smb1Packet.encode(h.reply(0), NegotiateResponse.noDialect());
        NegotiateResponse r = (NegotiateResponse) Smb1Messages.decode(none).get(0);
        assertThat(r.isNoDialect()).isTrue();
        assertThat(r.detail().render()).contains("Selected Index: -1");
        assertThat(none).hasSize(32 + 1 + 2 + 2);
    }

    static byte[] replay(String name) throws Exception {
        try (var in = NegotiateGoldenTest.class.getResourceAsStream("replay/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void impacketMultiProtocolNegotiate() throws Exception {
        // l_impacket_client frame 5: impacket offers NT LM 0.12 and both SMB2 dialect strings
        var req = (NegotiateRequest) Smb1Messages.decode(replay("l_impacket_client_0005.bin")).get(0);
        assertThat(req.dialects()).containsExactly("NT LM 0.12", "SMB 2.002", "SMB 2.???");
        // k_impacket_server frame 76: impacket's server answers NT LM 0.12 with extended security
        var resp = (NegotiateResponse) Smb1Messages.decode(replay("k_impacket_server_0076.bin")).get(0);
        assertThat(resp.dialectIndex()).isEqualTo(1);
        assertThat(resp.extendedSecurity()).isTrue();
        assertThat(new String(resp.serverGuid(), java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("A".repeat(16));
    }
}
