package org.smbscope.codec.rap;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

class RapFuzzTest {
    @FuzzTest
    void decode(byte[] input) {
        try {
            RapRequests.decode(input).detail().render();
        } catch (RapDecodeException expected) {
            // bounded failure
        }
        int split = Math.min(8, input.length);
        byte[] params = Arrays.copyOf(input, split);
        byte[] data = Arrays.copyOfRange(input, split, input.length);
        try {
            RapResponse.NetShareEnum.decode(params, data).detail().render();
        } catch (RapDecodeException expected) {
        }
        try {
            RapResponse.NetServerEnum2.decode(params, data).detail().render();
        } catch (RapDecodeException expected) {
        }
        try {
            RapResponse.NetServerGetInfo.decode(params, data).detail().render();
        } catch (RapDecodeException expected) {
        }
    }
}
