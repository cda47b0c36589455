package org.smbscope.codec.wkssvc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.smbscope.codec.dcerpc.DcerpcDecodeException;

class WkssvcCodecFuzzTest {
    @FuzzTest
    void request(byte[] input) {
        try {
            WkssvcCodec.decodeRequest(input);
        } catch (DcerpcDecodeException expected) {
        }
    }

    @FuzzTest
    void response(byte[] input) {
        try {
            WkssvcCodec.decodeResponse(input);
        } catch (DcerpcDecodeException expected) {
        }
    }
}
