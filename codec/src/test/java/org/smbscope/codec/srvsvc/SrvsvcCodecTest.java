package org.smbscope.codec.srvsvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.dcerpc.DcerpcDecodeException;
import org.smbscope.codec.dcerpc.RpcPdu;
import org.smbscope.codec.dcerpc.RpcPduCodec;
import org.smbscope.codec.srvsvc.SrvsvcMessage.NetServerGetInfoRequest;
import org.smbscope.codec.srvsvc.SrvsvcMessage.NetServerGetInfoResponse;
import org.smbscope.codec.srvsvc.SrvsvcMessage.NetShareEnumRequest;
import org.smbscope.codec.srvsvc.SrvsvcMessage.NetShareEnumResponse;
import org.smbscope.codec.srvsvc.SrvsvcMessage.NetShareGetInfoRequest;
import org.smbscope.codec.srvsvc.SrvsvcMessage.NetShareGetInfoResponse;
import org.smbscope.codec.wire.Hex;

/** NetShareEnumAll from smbclient -L against Samba 4.17 (b_smb3_default.pcapng frames 22, 23), and round trips. */
class SrvsvcCodecTest {
    static byte[] stub(String name) throws Exception {
        try (InputStream in = SrvsvcCodecTest.class.getResourceAsStream("/org/smbscope/codec/dcerpc/" + name)) {
            byte[] pdu = in.readAllBytes();
            RpcPdu p = RpcPduCodec.decode(pdu);
            return p instanceof RpcPdu.Request q ? q.stub() : ((RpcPdu.Response) p).stub();
        }
    }

    private static final byte[] REQUEST = Hex.parse("""
            00 00 02 00                          # ServerName: unique pointer, referent 0x00020000
            0b 00 00 00  00 00 00 00  0b 00 00 00 # max count 11, offset 0, actual count 11
            31 00 32 00 37 00 2e 00 30 00 2e 00 30 00 2e 00 31 00 30 00 00 00   # "127.0.0.10\\0"
            00 00                                # pad to 4
            01 00 00 00                          # InfoStruct.Level 1
            01 00 00 00                          # union switch 1
            04 00 02 00                          # pointer to SHARE_INFO_1_CONTAINER
            00 00 00 00  00 00 00 00             # EntriesRead 0, Buffer null
            ff ff ff ff                          # PreferedMaximumLength
            08 00 02 00  00 00 00 00             # ResumeHandle pointer, value 0
            """);

    @Test
    void shareEnumRequestGolden() throws Exception {
        assertThat(stub("smb3_request.bin")).isEqualTo(REQUEST);
        NetShareEnumRequest q = (NetShareEnumRequest) SrvsvcCodec.decodeRequest(15, REQUEST);
        assertThat(q).isEqualTo(new NetShareEnumRequest("127.0.0.10", 1, 0xFFFFFFFFL, 0L));
        assertThat(SrvsvcCodec.encode(q)).isEqualTo(REQUEST);
    }

    @Test
    void shareEnumResponseGolden() throws Exception {
        for (String capture : List.of("smb3_response.bin", "smb1_response.bin")) {
            byte[] stub = stub(capture);
            NetShareEnumResponse r = (NetShareEnumResponse) SrvsvcCodec.decodeResponse(15, stub);
            assertThat(r.shares()).extracting(ShareInfo::name).containsExactly("share", "torture", "guest", "IPC$");
            assertThat(r.shares().get(3).type()).isEqualTo(ShareType.IPC_HIDDEN);
            assertThat(r.shares().get(3).type().kind()).isEqualTo("IPC");
            assertThat(r.shares().get(0).remark()).isEqualTo("alice share on 127.0.0.10");
            assertThat(r.totalEntries()).isEqualTo(4);
            assertThat(r.resumeHandle()).isZero();
            assertThat(r.status()).isEqualTo(Werror.OK);
            // Samba numbers the response's referents after the request's: 0x0002000c
            assertThat(SrvsvcCodec.encode(r, 0x0002000cL)).isEqualTo(stub);
            assertThat(r.detail().render()).contains("Name: IPC$", "Type: STYPE_IPC_HIDDEN (2147483651)",
                    "Comment: IPC Service (lab samba on 127.0.0.10)", "Windows Error: WERR_OK (0x00000000)");
        }
    }

    @Test
    void level2AndLevel0RoundTrip() throws Exception {
        NetShareEnumResponse r2 = new NetShareEnumResponse(2, List.of(
                ShareInfo.level2("share", ShareType.DISKTREE, "files", 0, 0xFFFFFFFFL, 1, "C:\\share", null),
                ShareInfo.level2("IPC$", ShareType.IPC_HIDDEN, "IPC", 0, 0xFFFFFFFFL, 0, "C:\\tmp", "")),
                2, null, Werror.OK);
        assertThat(SrvsvcCodec.decodeResponse(15, SrvsvcCodec.encode(r2))).isEqualTo(r2);
        NetShareEnumResponse r0 = new NetShareEnumResponse(0, List.of(ShareInfo.level0("a")), 1, 5L, Werror.MORE_DATA);
        assertThat(SrvsvcCodec.decodeResponse(15, SrvsvcCodec.encode(r0))).isEqualTo(r0);
        NetShareEnumRequest q = new NetShareEnumRequest(null, 2, 1024, null);
        assertThat(SrvsvcCodec.decodeRequest(15, SrvsvcCodec.encode(q))).isEqualTo(q);
    }

    @Test
    void getInfoCallsRoundTrip() throws Exception {
        NetShareGetInfoRequest gq = new NetShareGetInfoRequest("\\\\host", "share", 1);
        assertThat(SrvsvcCodec.decodeRequest(16, SrvsvcCodec.encode(gq))).isEqualTo(gq);
        NetShareGetInfoResponse gr = new NetShareGetInfoResponse(1, ShareInfo.level1("share", ShareType.DISKTREE, "x"), Werror.OK);
        assertThat(SrvsvcCodec.decodeResponse(16, SrvsvcCodec.encode(gr))).isEqualTo(gr);
        NetShareGetInfoResponse missing = new NetShareGetInfoResponse(1, null, Werror.NERR_NET_NAME_NOT_FOUND);
        assertThat(SrvsvcCodec.decodeResponse(16, SrvsvcCodec.encode(missing))).isEqualTo(missing);

        NetServerGetInfoRequest sq = new NetServerGetInfoRequest("\\\\host", 101);
        assertThat(SrvsvcCodec.decodeRequest(21, SrvsvcCodec.encode(sq))).isEqualTo(sq);
        ServerInfo info = new ServerInfo(101, 500, "LAB10", 6, 1, 0x00809a03L, "lab samba");
        NetServerGetInfoResponse sr = new NetServerGetInfoResponse(101, info, Werror.OK);
        assertThat(SrvsvcCodec.decodeResponse(21, SrvsvcCodec.encode(sr))).isEqualTo(sr);
        assertThat(info.typeNames()).contains("SV_TYPE_WORKSTATION", "SV_TYPE_SERVER", "SV_TYPE_SERVER_NT");
        assertThat(info.platformName()).isEqualTo("NT");
    }

    @Test
    void hostileResponses() throws Exception {
        byte[] stub = stub("smb3_response.bin");
        assertThatThrownBy(() -> SrvsvcCodec.decodeResponse(15, Arrays.copyOf(stub, stub.length - 1)))
                .isInstanceOf(DcerpcDecodeException.class);
        byte[] hugeCount = stub.clone();
        hugeCount[20] = (byte) 0xFF; // array max count 0x000000FF... at offset 20
        hugeCount[23] = (byte) 0x7F;
        assertThatThrownBy(() -> SrvsvcCodec.decodeResponse(15, hugeCount)).isInstanceOf(DcerpcDecodeException.class)
                .hasMessageContaining("exceeds");
        byte[] level = stub.clone();
        level[0] = 7;
        assertThatThrownBy(() -> SrvsvcCodec.decodeResponse(15, level)).hasMessageContaining("level 7");
        byte[] trailing = Arrays.copyOf(stub, stub.length + 4);
        assertThatThrownBy(() -> SrvsvcCodec.decodeResponse(15, trailing)).hasMessageContaining("trailing");
        assertThatThrownBy(() -> SrvsvcCodec.decodeResponse(99, stub)).hasMessageContaining("opnum 99");
    }
}
