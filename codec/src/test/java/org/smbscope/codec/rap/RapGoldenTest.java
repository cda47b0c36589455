package org.smbscope.codec.rap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

/** RAP parameters and data from a_smb1_nt1 (Samba): frames 47/48 NetServerEnum2, 67/68 NetShareEnum. */
class RapGoldenTest {
    static final byte[] ENUM2_DOMAINS_REQ = Hex.parse("""
            68 00                      # opcode 104 NetServerEnum2
            57 72 4c 65 68 44 7a 00    # ParamDesc "WrLehDz"
            42 31 36 42 42 44 7a 00    # DataDesc "B16BBDz"
            01 00 ff ff                # level 1, ReceiveBufferSize 65535
            00 00 00 80                # ServerType SV_TYPE_DOMAIN_ENUM
            4c 41 42 31 30 00          # domain "LAB10"
            """);
    static final byte[] ENUM2_RESP_PARAMS = Hex.parse("00 00 00 00 01 00 01 00  # status 0, converter 0, 1 of 1");
    static final byte[] ENUM2_RESP_DATA = Hex.parse("""
            4c 41 42 47 52 50 00 00 00 00 00 00 00 00 00 00   # "LABGRP" (16)
            00 00                                             # version 0.0
            00 10 00 80                                       # type NT Workstation | Domain Enum
            1a 00 00 00                                       # comment pointer 26
            00                                                # comment ""
            """);
    static final byte[] SHARE_ENUM_REQ = Hex.parse("""
            00 00 57 72 4c 65 68 00 42 31 33 42 57 7a 00   # opcode 0, "WrLeh", "B13BWz"
            01 00 e0 ff                                    # level 1, buffer 65504
            """);
    static final byte[] SHARE_ENUM_PARAMS = Hex.parse("00 00 00 00 04 00 04 00  # status 0, converter 0, 4 of 4");
    static final byte[] SHARE_ENUM_DATA = Hex.parse("""
            73 68 61 72 65 00 00 00 00 00 00 00 00  00  00 00  50 00 00 00   # share, Disk, remark @80
            74 6f 72 74 75 72 65 00 00 00 00 00 00  00  00 00  6a 00 00 00   # torture, Disk, @106
            67 75 65 73 74 00 00 00 00 00 00 00 00  00  00 00  b9 00 00 00   # guest, Disk, @185
            49 50 43 24 00 00 00 00 00 00 00 00 00  00  03 00  d3 00 00 00   # IPC$, IPC, @211
            616c696365207368617265206f6e203132372e302e302e313000
            7363726174636820736861726520666f7220736d62746f7274757265206f6e203132372e302e302e313020284e542041434c73202b206e616d65642073747265616d7320696e2078617474727329 00
            6775657374207368617265206f6e203132372e302e302e313000
            495043205365727669636520286c61622073616d6261206f6e203132372e302e302e31302900
            """);

    @Test
    void netServerEnum2Domains() throws Exception {
        RapRequest req = RapRequests.decode(ENUM2_DOMAINS_REQ);
        assertThat(req).isEqualTo(new RapRequest.NetServerEnum2(1, 0xffff, new ServerType(ServerType.DOMAIN_ENUM), "LAB10"));
        assertThat(req.encode()).isEqualTo(ENUM2_DOMAINS_REQ);
        var resp = RapResponse.NetServerEnum2.decode(ENUM2_RESP_PARAMS, ENUM2_RESP_DATA);
        assertThat(resp.servers()).containsExactly(new ServerInfo1("LABGRP", 0, 0,
                new ServerType(0x80001000L), ""));
        assertThat(resp.encodeParameters()).isEqualTo(ENUM2_RESP_PARAMS);
        assertThat(resp.encodeData()).isEqualTo(ENUM2_RESP_DATA);
        assertThat(resp.detail().render()).contains("Server Type: 0x80001000 NT Workstation, Domain Enum");
    }

    @Test
    void netShareEnum() throws Exception {
        assertThat(RapRequests.decode(SHARE_ENUM_REQ)).isEqualTo(new RapRequest.NetShareEnum(1, 0xffe0));
        assertThat(new RapRequest.NetShareEnum(1, 0xffe0).encode()).isEqualTo(SHARE_ENUM_REQ);
        var resp = RapResponse.NetShareEnum.decode(SHARE_ENUM_PARAMS, SHARE_ENUM_DATA);
        assertThat(resp.shares()).extracting(ShareInfo1::name).containsExactly("share", "torture", "guest", "IPC$");
        assertThat(resp.shares().get(0).remark()).isEqualTo("alice share on 127.0.0.10");
        assertThat(resp.shares().get(3).typeName()).isEqualTo("IPC");
        assertThat(resp.encodeData()).isEqualTo(SHARE_ENUM_DATA);
        assertThat(resp.detail().render()).contains("""
                  Share IPC$
                    Share Name: IPC$
                    Share Type: IPC
                    Share Comment: IPC Service (lab samba on 127.0.0.10)
                """);
    }

    @Test
    void serverGetInfoRoundTripWithConverter() throws Exception {
        var info = new ServerInfo1("LAB10", 4, 9, new ServerType(ServerType.SERVER | ServerType.WORKSTATION), "lab");
        var resp = new RapResponse.NetServerGetInfo(0, 0x1234, 30, info);
        var back = RapResponse.NetServerGetInfo.decode(resp.encodeParameters(), resp.encodeData());
        assertThat(back).isEqualTo(resp);
        var req = new RapRequest.NetServerGetInfo(1, 4096);
        assertThat(RapRequests.decode(req.encode())).isEqualTo(req);
    }

    @Test
    void pointerOutsideBuffer() {
        byte[] data = SHARE_ENUM_DATA.clone();
        data[16] = (byte) 0xff; // remark pointer 0x00ff beyond the data
        data[17] = 0x7f;
        assertThatThrownBy(() -> RapResponse.NetShareEnum.decode(SHARE_ENUM_PARAMS, data))
                .isInstanceOf(RapDecodeException.class).hasMessageContaining("outside the");
        byte[] below = ENUM2_RESP_DATA.clone();
        assertThatThrownBy(() -> RapResponse.NetServerEnum2.decode(Hex.parse("00 00 40 00 01 00 01 00"), below))
                .isInstanceOf(RapDecodeException.class).hasMessageContaining("converter 64");
    }

    @Test
    void entryCountTooLarge() throws Exception {
        assertThatThrownBy(() -> RapResponse.NetShareEnum.decode(Hex.parse("00 00 00 00 ff ff ff ff"), SHARE_ENUM_DATA))
                .isInstanceOf(RapDecodeException.class).hasMessageContaining("do not fit");
        assertThatThrownBy(() -> RapRequests.decode(Hex.parse("68 00 57 72")))
                .isInstanceOf(RapDecodeException.class);
        var other = (RapRequest.Other) RapRequests.decode(Hex.parse("3f 00 41 00 42 00 01 02"));
        assertThat(other.opcode()).isEqualTo(63);
        assertThat(other.parameters()).containsExactly(1, 2);
    }
}
