package org.smbscope.codec.smb1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

/** TRANS2 FIND_FIRST2 from a_smb1_nt1 frames 113/114 (Samba: ". .. hello.txt sub random.bin"). */
class Trans2GoldenTest {
    static final byte[] FIND_FIRST2_REQ = Hex.parse("ff534d4232000000001843c800000000000000000000000002e9f33d5f5e07000f120000000a00ffff0000000000000000000012004400000058000100010017000044201600560506000401000000005c002a0000000000");
    static final byte[] FIND_FIRST2_RESP = Hex.parse("""
            ff534d4232000000008803c800000000000000000000000002e9f33d5f5e07000a0a000c0200000a00380000000c02440000
            000000190200ffff0500010000009801000060000000000000003e714dfa4d79dd01ca834ffa4d79dd013e714dfa4d79dd01
            3e714dfa4d79dd01000000000000000000000000000000001000000002000000000000000000000000000000000000000000
            0000000000000000000000002e0064000000000000000a5c46fa4d79dd010a5c46fa4d79dd018a9447fa4d79dd018a9447fa
            4d79dd0100000000000000000000000000000000100000000400000000000000000000000000000000000000000000000000
            00000000000000002e002e00000070000000000000003e714dfa4d79dd013e714dfa4d79dd013e714dfa4d79dd013e714dfa
            4d79dd011f000000000000000010000000000000800000001200000000000000000000000000000000000000000000000000
            0000000000000000680065006c006c006f002e0074007800740064000000000000004a4b4efa4d79dd01ca834ffa4d79dd01
            4a4b4efa4d79dd014a4b4efa4d79dd0100000000000000000000000000000000100000000600000000000000000000000000
            000000000000000000000000000000000000000073007500620074000000000000003e714dfa4d79dd013e714dfa4d79dd01
            4a4b4efa4d79dd014a4b4efa4d79dd0100001000000000000000100000000000800000001400000000000000000000000000
            0000000000000000000000000000000000000000720061006e0064006f006d002e00620069006e000000
            """);

    @Test
    void findFirst2() throws Exception {
        var req = (TransactionRequest) Smb1Messages.decode(FIND_FIRST2_REQ).get(0);
        assertThat(req.subcommand()).isEqualTo(Trans2.FIND_FIRST2);
        assertThat(Trans2.subcommandName(req.subcommand())).isEqualTo("FIND_FIRST2");
        var params = Trans2.FindFirst2Request.decode(req.parameters(), true);
        assertThat(params).isEqualTo(new Trans2.FindFirst2Request(0x16, 1366, 6, 0x104, 0, "\\*"));
        assertThat(params.encode(true)).isEqualTo(req.parameters());

        var resp = (TransactionResponse) Smb1Messages.decode(FIND_FIRST2_RESP).get(0);
        var fr = Trans2.FindResponse.decodeFirst(resp.parameters());
        assertThat(fr.searchCount()).isEqualTo(5);
        assertThat(fr.endOfSearch()).isTrue();
        List<Trans2.FindFileBothDirectoryInfo> entries =
                Trans2.FindFileBothDirectoryInfo.decodeAll(resp.data(), fr.searchCount(), true);
        assertThat(entries).extracting(Trans2.FindFileBothDirectoryInfo::fileName)
                .containsExactly(".", "..", "hello.txt", "sub", "random.bin");
        assertThat(entries.get(2).endOfFile()).isEqualTo(31);
        assertThat(entries.get(3).extFileAttributes()).isEqualTo(0x10);
        assertThat(Trans2.FindFileBothDirectoryInfo.decodeAll(
                Trans2.FindFileBothDirectoryInfo.encodeAll(entries, true), 5, true)).isEqualTo(entries);
    }

    @Test
    void hostileEntries() throws Exception {
        var resp = (TransactionResponse) Smb1Messages.decode(FIND_FIRST2_RESP).get(0);
        byte[] data = resp.data();
        data[0] = 8; // NextEntryOffset 8: smaller than an entry
        data[1] = 0;
        assertThatThrownBy(() -> Trans2.FindFileBothDirectoryInfo.decodeAll(data, 5, true))
                .isInstanceOf(Smb1DecodeException.class).hasMessageContaining("NextEntryOffset");
        byte[] longName = resp.data();
        longName[60] = (byte) 0xff; // FileNameLength huge
        longName[61] = (byte) 0xff;
        assertThatThrownBy(() -> Trans2.FindFileBothDirectoryInfo.decodeAll(longName, 5, true))
                .isInstanceOf(Smb1DecodeException.class).hasMessageContaining("past the entry");
    }

    @Test
    void otherSubcommandParameters() throws Exception {
        var qp = new Trans2.QueryPathInformationRequest(Trans2.SMB_QUERY_FILE_BASIC_INFO, "\\dir\\f.txt");
        assertThat(Trans2.QueryPathInformationRequest.decode(qp.encode(true), true)).isEqualTo(qp);
        var qf = new Trans2.QueryFileInformationRequest(0x666e, Trans2.SMB_QUERY_FILE_ALL_INFO);
        assertThat(Trans2.QueryFileInformationRequest.decode(qf.encode())).isEqualTo(qf);
        var fs = new Trans2.QueryFsInformationRequest(0x3ef);
        assertThat(Trans2.QueryFsInformationRequest.decode(fs.encode())).isEqualTo(fs);
        var sf = new Trans2.SetFileInformationRequest(7, 1004);
        assertThat(Trans2.SetFileInformationRequest.decode(sf.encode())).isEqualTo(sf);
        var fn = new Trans2.FindNext2Request(1, 100, 0x104, 0, 6, "x");
        assertThat(Trans2.FindNext2Request.decode(fn.encode(false), false)).isEqualTo(fn);
        var basic = new Trans2.FileBasicInfo(1, 2, 3, 4, 0x20);
        assertThat(Trans2.FileBasicInfo.decode(basic.encode())).isEqualTo(basic);
        var std = new Trans2.FileStandardInfo(4096, 31, 1, false, false);
        assertThat(Trans2.FileStandardInfo.decode(std.encode())).isEqualTo(std);
        assertThatThrownBy(() -> Trans2.FileBasicInfo.decode(new byte[10])).isInstanceOf(Smb1DecodeException.class);
    }
}
