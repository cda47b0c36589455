package org.smbscope.codec.wkssvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.dcerpc.DcerpcDecodeException;
import org.smbscope.codec.wire.Hex;

class WkssvcCodecTest {
    static final byte[] REQUEST = Hex.parse("""
            00 00 02 00   # ServerName: unique pointer, referent 0x00020000
            02 00 00 00   # max_count 2
            00 00 00 00   # offset 0
            02 00 00 00   # actual_count 2
            53 00 00 00   # "S" and the terminating NUL (UTF-16LE)
            64 00 00 00   # Level 100
            """);

    static final byte[] RESPONSE = Hex.parse("""
            64 00 00 00   # union switch: level 100
            00 00 02 00   # info100 pointer
            f4 01 00 00   # wki100_platform_id 500 (NT)
            04 00 02 00   # wki100_computername pointer
            08 00 02 00   # wki100_langroup pointer
            0a 00 00 00   # wki100_ver_major 10
            00 00 00 00   # wki100_ver_minor 0
            03 00 00 00 00 00 00 00 03 00 00 00   # computername: max 3, offset 0, actual 3
            53 00 56 00 00 00                     # "SV"
            00 00                                 # padding to 4
            03 00 00 00 00 00 00 00 03 00 00 00   # langroup: max 3, offset 0, actual 3
            57 00 47 00 00 00                     # "WG"
            00 00                                 # padding to 4
            00 00 00 00   # WERROR: WERR_OK
            """);

    @Test
    void requestGolden() throws Exception {
        assertThat(WkssvcCodec.decodeRequest(REQUEST)).isEqualTo(new WkssvcCodec.GetInfoRequest("S", 100));
        assertThat(WkssvcCodec.encodeRequest(new WkssvcCodec.GetInfoRequest("S", 100))).isEqualTo(REQUEST);
    }

    @Test
    void responseGolden() throws Exception {
        WkstaInfo100 info = new WkstaInfo100(500, "SV", "WG", 10, 0);
        assertThat(WkssvcCodec.encodeResponse(info, 0)).isEqualTo(RESPONSE);
        assertThat(WkssvcCodec.decodeResponse(RESPONSE)).isEqualTo(info);
    }

    @Test
    void nullServerName() throws Exception {
        byte[] b = WkssvcCodec.encodeRequest(new WkssvcCodec.GetInfoRequest(null, 101));
        assertThat(WkssvcCodec.decodeRequest(b)).isEqualTo(new WkssvcCodec.GetInfoRequest(null, 101));
    }

    @Test
    void hostileInputs() {
        assertThatThrownBy(() -> WkssvcCodec.decodeRequest(java.util.Arrays.copyOf(REQUEST, 10)))
                .isInstanceOf(DcerpcDecodeException.class);
        byte[] huge = REQUEST.clone();
        huge[4] = (byte) 0xff;
        huge[5] = (byte) 0xff;
        huge[12] = (byte) 0xff;
        huge[13] = (byte) 0xff;
        assertThatThrownBy(() -> WkssvcCodec.decodeRequest(huge)).isInstanceOf(DcerpcDecodeException.class);
        byte[] failed = WkssvcCodec.encodeResponse(null, 124);
        assertThatThrownBy(() -> WkssvcCodec.decodeResponse(failed)).isInstanceOf(DcerpcDecodeException.class);
    }
}
