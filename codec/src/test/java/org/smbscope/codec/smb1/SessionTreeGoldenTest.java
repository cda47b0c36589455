package org.smbscope.codec.smb1;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

/** SESSION_SETUP_ANDX and TREE_CONNECT_ANDX from Samba captures a_smb1_nt1 and j_ntlmv1_lm. */
class SessionTreeGoldenTest {
    /** a_smb1_nt1 frame 9: extended security, NTLMSSP_NEGOTIATE in SPNEGO. */
    static final byte[] SS_EXT_REQUEST = Hex.parse("""
            ff 53 4d 42 73 00 00 00 00 18 43 c8 00 00 00 00 00 00 00 00 00 00 00 00 00 00 e5 3d 00 00 01 00
            0c                  # WordCount 12 (extended security form)
            ff 00 00 00         # AndXCommand none, reserved, AndXOffset 0
            ff ff               # MaxBufferSize 65535
            02 00               # MaxMpxCount 2
            01 00               # VcNumber 1
            00 00 00 00         # SessionKey
            4a 00               # SecurityBlobLength 74
            00 00 00 00         # Reserved
            54 c0 00 80         # Capabilities 0x8000c054
            61 00               # ByteCount 97
            60 48 06 06 2b 06 01 05 05 02 a0 3e 30 3c a0 0e 30 0c 06 0a 2b 06 01 04 01 82 37 02 02 0a a2 2a
            04 28 4e 54 4c 4d 53 53 50 00 01 00 00 00 15 82 08 62 00 00 00 00 28 00 00 00 00 00 00 00 28 00
            00 00 06 01 00 00 00 00 00 0f   # SecurityBlob (74)
            00                              # Pad to 2 from the header start
            55 00 6e 00 69 00 78 00 00 00   # NativeOS "Unix"
            53 00 61 00 6d 00 62 00 61 00 00 00  # NativeLanMan "Samba"
            """);

    /** a_smb1_nt1 frame 12: extended response after NTLMSSP_AUTH. */
    static final byte[] SS_EXT_RESPONSE = Hex.parse("""
            ff 53 4d 42 73 00 00 00 00 88 03 c8 00 00 00 00 00 00 00 00 00 00 00 00 00 00 e5 3d f1 47 02 00
            04 ff 00 00 00      # WordCount 4, AndX none
            00 00               # Action 0 (not guest)
            1d 00               # SecurityBlobLength 29
            6d 00               # ByteCount 109
            a1 1b 30 19 a0 03 0a 01 00 a3 12 04 10 01 00 00 00 eb 0c 57 a9 41 a5 0b 41 00 00 00 00  # accept-completed + mechListMIC
            57 00 69 00 6e 00 64 00 6f 00 77 00 73 00 20 00 36 00 2e 00 31 00 00 00   # "Windows 6.1"
            53 00 61 00 6d 00 62 00 61 00 20 00 34 00 2e 00 31 00 37 00 2e 00 31 00 32 00 2d 00
            44 00 65 00 62 00 69 00 61 00 6e 00 00 00                                 # "Samba 4.17.12-Debian"
            4c 00 41 00 42 00 47 00 52 00 50 00 00 00                                 # "LABGRP"
            """);

    /** j_ntlmv1_lm frame 41: NT LM 0.12 non-extended form with 24-byte LM and NT responses. */
    static final byte[] SS_NTLM_REQUEST = Hex.parse("""
            ff 53 4d 42 73 00 00 00 00 18 43 c0 00 00 00 00 00 00 00 00 00 00 00 00 00 00 c5 56 00 00 01 00
            0d ff 00 00 00      # WordCount 13, AndX none
            ff ff 02 00 c5 56   # MaxBufferSize, MaxMpxCount 2, VcNumber 0x56c5
            c6 56 00 00         # SessionKey 0x56c6 (the server's)
            18 00 18 00         # OEMPasswordLen 24, UnicodePasswordLen 24
            00 00 00 00         # Reserved
            54 c0 00 00         # Capabilities 0xc054
            67 00               # ByteCount 103
            a2 6e 37 d1 8f e2 1c aa 7b b2 92 67 f1 e4 bf 5f cd d8 80 bc 18 ee a6 0a   # LM response
            c2 65 ef 16 38 72 7e be 98 65 c2 ea 9a ab 46 d1 d2 cd 43 23 80 2c 27 f1   # NT response
            00                                   # Pad
            61 00 6c 00 69 00 63 00 65 00 00 00  # AccountName "alice"
            57 00 4f 00 52 00 4b 00 47 00 52 00 4f 00 55 00 50 00 00 00   # PrimaryDomain "WORKGROUP"
            55 00 6e 00 69 00 78 00 00 00        # NativeOS "Unix"
            53 00 61 00 6d 00 62 00 61 00 00 00  # NativeLanMan "Samba"
            """);

    /** j_ntlmv1_lm frame 42: non-extended response. */
    static final byte[] SS_NTLM_RESPONSE = Hex.parse("""
            ff 53 4d 42 73 00 00 00 00 88 03 c0 00 00 00 00 00 00 00 00 00 00 00 00 00 00 c5 56 fe c2 01 00
            03 ff 00 00 00 00 00   # WordCount 3, AndX none, Action 0
            51 00                  # ByteCount 81
            00                     # Pad
            57 00 69 00 6e 00 64 00 6f 00 77 00 73 00 20 00 36 00 2e 00 31 00 00 00
            53 00 61 00 6d 00 62 00 61 00 20 00 34 00 2e 00 31 00 37 00 2e 00 31 00 32 00 2d 00
            44 00 65 00 62 00 69 00 61 00 6e 00 00 00
            4c 00 41 00 42 00 47 00 52 00 50 00 00 00
            """);

    /** a_smb1_nt1 frame 13. */
    static final byte[] TC_REQUEST = Hex.parse("""
            ff 53 4d 42 75 00 00 00 00 18 43 c8 00 00 00 00 00 00 00 00 00 00 00 00 ff ff e5 3d f1 47 03 00
            04 ff 00 00 00      # WordCount 4, AndX none
            0c 00               # Flags 0x000c (extended signatures, extended response)
            01 00               # PasswordLength 1
            2b 00               # ByteCount 43
            00                  # Password (empty, one NUL)
            5c 00 5c 00 31 00 32 00 37 00 2e 00 30 00 2e 00 30 00 2e 00 31 00 30 00 5c 00 49 00 50 00 43 00 24 00 00 00  # Path
            3f 3f 3f 3f 3f 00   # Service "?????"
            """);

    /** a_smb1_nt1 frame 14: extended response. */
    static final byte[] TC_RESPONSE = Hex.parse("""
            ff 53 4d 42 75 00 00 00 00 88 03 c8 00 00 00 00 00 00 00 00 00 00 00 00 78 29 e5 3d f1 47 03 00
            07 ff 00 00 00      # WordCount 7, AndX none
            21 00               # OptionalSupport 0x21
            ff 01 00 00         # MaximalShareAccessRights 0x1ff
            ff 01 00 00         # GuestMaximalShareAccessRights 0x1ff
            07 00               # ByteCount 7
            49 50 43 00         # Service "IPC"
            00                  # Pad
            00 00               # NativeFileSystem ""
            """);

    @Test
    void extendedSessionSetup() throws Exception {
        var req = (SessionSetupAndXRequest) Smb1Messages.decode(SS_EXT_REQUEST).get(0);
        assertThat(req.isExtended()).isTrue();
        assertThat(req.maxBufferSize()).isEqualTo(0xffff);
        assertThat(req.maxMpxCount()).isEqualTo(2);
        assertThat(req.securityBlob()).hasSize(74);
        assertThat(req.nativeOs()).isEqualTo("Unix");
        assertThat(req.nativeLanMan()).isEqualTo("Samba");
        assertThat(req.capabilities().has(Capabilities.EXTENDED_SECURITY)).isTrue();
        Smb1Packet p = Smb1Packet.decode(SS_EXT_REQUEST);
        assertThat(Smb1Packet.encode(p.header(), req)).isEqualTo(SS_EXT_REQUEST);

        Smb1Packet rp = Smb1Packet.decode(SS_EXT_RESPONSE);
        var resp = (SessionSetupAndXResponse) Smb1Messages.decode(rp.header(), rp.first());
        assertThat(resp.guest()).isFalse();
        assertThat(resp.securityBlob()).hasSize(29);
        assertThat(resp.nativeOs()).isEqualTo("Windows 6.1");
        assertThat(resp.nativeLanMan()).isEqualTo("Samba 4.17.12-Debian");
        assertThat(resp.primaryDomain()).isEqualTo("LABGRP");
        assertThat(rp.header().uid()).isEqualTo(0x47f1);
        assertThat(resp.detail().render()).isEqualTo("""
                Session Setup AndX Response
                  Word Count (WCT): 4
                  Action: 0x0000
                  Security Blob Length: 29
                  Native OS: Windows 6.1
                  Native LAN Manager: Samba 4.17.12-Debian
                  Primary Domain: LABGRP
                """);
        assertThat(Smb1Packet.encode(rp.header(), resp)).isEqualTo(SS_EXT_RESPONSE);
    }

    @Test
    void ntlm012SessionSetup() throws Exception {
        Smb1Packet p = Smb1Packet.decode(SS_NTLM_REQUEST);
        var req = (SessionSetupAndXRequest) Smb1Messages.decode(p.header(), p.first());
        assertThat(req.isExtended()).isFalse();
        assertThat(HexFormat.of().formatHex(req.lmResponse())).isEqualTo("a26e37d18fe21caa7bb29267f1e4bf5fcdd880bc18eea60a");
        assertThat(HexFormat.of().formatHex(req.ntResponse())).isEqualTo("c265ef1638727ebe9865c2ea9aab46d1d2cd4323802c27f1");
        assertThat(req.accountName()).isEqualTo("alice");
        assertThat(req.primaryDomain()).isEqualTo("WORKGROUP");
        assertThat(req.sessionKey()).isEqualTo(0x56c6);
        assertThat(req.detail().render()).contains("ANSI Password Length: 24", "Unicode Password Length: 24",
                "Account: alice", "Primary Domain: WORKGROUP", "Native OS: Unix");
        assertThat(Smb1Packet.encode(p.header(), req)).isEqualTo(SS_NTLM_REQUEST);

        Smb1Packet rp = Smb1Packet.decode(SS_NTLM_RESPONSE);
        var resp = (SessionSetupAndXResponse) Smb1Messages.decode(rp.header(), rp.first());
        assertThat(resp.isExtended()).isFalse();
        assertThat(resp.primaryDomain()).isEqualTo("LABGRP");
        assertThat(Smb1Packet.encode(rp.header(), resp)).isEqualTo(SS_NTLM_RESPONSE);
        var guest = new SessionSetupAndXResponse(1, null, "a", "b", "c");
        assertThat(guest.detail().render()).contains("Action: 0x0001, Logged in as GUEST");
    }

    @Test
    void treeConnect() throws Exception {
        Smb1Packet p = Smb1Packet.decode(TC_REQUEST);
        var req = (TreeConnectAndXRequest) Smb1Messages.decode(p.header(), p.first());
        assertThat(req.path()).isEqualTo("\\\\127.0.0.10\\IPC$");
        assertThat(req.service()).isEqualTo("?????");
        assertThat(req.flags()).isEqualTo(0x0c);
        assertThat(req.password()).containsExactly(0);
        assertThat(Smb1Packet.encode(p.header(), req)).isEqualTo(TC_REQUEST);

        Smb1Packet rp = Smb1Packet.decode(TC_RESPONSE);
        var resp = (TreeConnectAndXResponse) Smb1Messages.decode(rp.header(), rp.first());
        assertThat(resp).isEqualTo(new TreeConnectAndXResponse(0x21, true, 0x1ff, 0x1ff, "IPC", ""));
        assertThat(rp.header().tid()).isEqualTo(0x2978);
        assertThat(resp.detail().render()).isEqualTo("""
                Tree Connect AndX Response
                  Word Count (WCT): 7
                  Optional Support: 0x0021
                  Maximal Share Access Rights: 0x000001ff
                  Guest Maximal Share Access Rights: 0x000001ff
                  Service: IPC
                  Native File System: \n""");
        assertThat(Smb1Packet.encode(rp.header(), resp)).isEqualTo(TC_RESPONSE);
    }
}
