package org.smbscope.codec.srvsvc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.smbscope.codec.dcerpc.DcerpcDecodeException;

class SrvsvcFuzzTest {
    @FuzzTest
    void decodeShareEnumResponse(byte[] input) {
        try {
            SrvsvcCodec.decodeResponse(SrvsvcCodec.NETR_SHARE_ENUM, input);
        } catch (DcerpcDecodeException expected) {
        }
    }

    @FuzzTest
    void decodeRequests(byte[] input) {
        for (int opnum : new int[] {15, 16, 21}) {
            try {
                SrvsvcCodec.decodeRequest(opnum, input);
            } catch (DcerpcDecodeException expected) {
            }
        }
    }
}
