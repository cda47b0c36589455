package org.smbscope.codec.srvsvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.dcerpc.DcerpcDecodeException;
import org.smbscope.codec.srvsvc.SrvsvcMessage.NetServerGetInfoRequest;
import org.smbscope.codec.srvsvc.SrvsvcMessage.NetServerGetInfoResponse;
import org.smbscope.codec.srvsvc.SrvsvcMessage.NetShareEnumRequest;
import org.smbscope.codec.srvsvc.SrvsvcMessage.NetShareEnumResponse;
import org.smbscope.codec.srvsvc.SrvsvcMessage.NetShareGetInfoRequest;
import org.smbscope.codec.srvsvc.SrvsvcMessage.NetShareGetInfoResponse;

/**
 * Samba's rpcclient against Samba 4.17 smbd on 127.0.0.78 (captured with /work/shared/lab/cap.sh):
 * {@code rpcclient -U alice 127.0.0.78 -c 'srvinfo; netsharegetinfo share; netsharegetinfo nosuch;
 * netshareenumall 2'}. rpcclient printed: "LAB78 Wk Sv PrQ Unx NT SNT lab samba on 127.0.0.78",
 * platform_id 500, os version 6.1, server type 0x809a03.
 */
class SambaRpcclientTest {
    private static byte[] stub(String name) throws Exception {
        return SrvsvcCodecTest.stub("samba_" + name + ".bin");
    }

    @Test
    void serverGetInfo101() throws Exception {
        byte[] req = stub("srvinfo_request");
        NetServerGetInfoRequest q = (NetServerGetInfoRequest) SrvsvcCodec.decodeRequest(21, req);
        assertThat(q.level()).isEqualTo(101);
        assertThat(q.serverName()).isEqualTo("\\\\127.0.0.78"); // rpcclient sends "\\\\" + address
        assertThat(SrvsvcCodec.encode(q)).isEqualTo(req);

        byte[] resp = stub("srvinfo_response");
        NetServerGetInfoResponse r = (NetServerGetInfoResponse) SrvsvcCodec.decodeResponse(21, resp);
        ServerInfo i = r.info();
        assertThat(i.platformId()).isEqualTo(500);
        assertThat(i.name()).isEqualTo("LAB78");
        assertThat(i.versionMajor()).isEqualTo(6);
        assertThat(i.versionMinor()).isEqualTo(1);
        assertThat(i.type()).isEqualTo(0x809a03L);
        assertThat(i.comment()).isEqualTo("lab samba on 127.0.0.78");
        assertThat(i.typeNames()).containsExactly("SV_TYPE_WORKSTATION", "SV_TYPE_SERVER", "SV_TYPE_PRINTQ_SERVER",
                "SV_TYPE_SERVER_UNIX", "SV_TYPE_NT", "SV_TYPE_SERVER_NT", "SV_TYPE_DFS");
        assertThat(r.status()).isEqualTo(Werror.OK);
        long firstReferent = (resp[4] & 0xFFL) | (resp[5] & 0xFFL) << 8 | (resp[6] & 0xFFL) << 16;
        assertThat(SrvsvcCodec.encode(r, firstReferent)).isEqualTo(resp);
        assertThat(r.detail().render()).contains("Platform Id: NT (500)", "Server Name: LAB78");
    }

    @Test
    void shareGetInfoLevel502AndAMissingShare() throws Exception {
        byte[] req = stub("sharegetinfo_request");
        NetShareGetInfoRequest q = (NetShareGetInfoRequest) SrvsvcCodec.decodeRequest(16, req);
        assertThat(q).isEqualTo(new NetShareGetInfoRequest("127.0.0.78", "share", 502));
        assertThat(SrvsvcCodec.encode(q)).isEqualTo(req);
        // level 502 carries a security descriptor: not decoded (yet), and said so
        assertThatThrownBy(() -> SrvsvcCodec.decodeResponse(16, stub("sharegetinfo_response")))
                .isInstanceOf(DcerpcDecodeException.class).hasMessageContaining("level 502 is not supported");

        NetShareGetInfoResponse missing = (NetShareGetInfoResponse) SrvsvcCodec.decodeResponse(16, stub("sharegetinfo_nosuch_response"));
        assertThat(missing.share()).isNull();
        assertThat(missing.status()).isEqualTo(Werror.INVALID_NAME);
        assertThat(SrvsvcCodec.encode(missing)).isEqualTo(stub("sharegetinfo_nosuch_response"));
    }

    @Test
    void shareEnumLevel2() throws Exception {
        byte[] req = stub("enum2_request");
        NetShareEnumRequest q = (NetShareEnumRequest) SrvsvcCodec.decodeRequest(15, req);
        assertThat(q.level()).isEqualTo(2);
        assertThat(SrvsvcCodec.encode(q)).isEqualTo(req);

        byte[] resp = stub("enum2_response");
        NetShareEnumResponse r = (NetShareEnumResponse) SrvsvcCodec.decodeResponse(15, resp);
        assertThat(r.shares()).extracting(ShareInfo::name).containsExactly("share", "torture", "guest", "IPC$");
        ShareInfo share = r.shares().get(0);
        assertThat(share.path()).isEqualTo("C:\\tmp\\crypto-lab78\\share");
        assertThat(share.maxUses()).isEqualTo(0xFFFFFFFFL);
        assertThat(share.remark()).isEqualTo("alice share on 127.0.0.78");
        long firstReferent = (resp[8] & 0xFFL) | (resp[9] & 0xFFL) << 8 | (resp[10] & 0xFFL) << 16;
        assertThat(SrvsvcCodec.encode(r, firstReferent)).isEqualTo(resp);
        assertThat(List.of(r.status())).containsExactly(Werror.OK);
    }
}
