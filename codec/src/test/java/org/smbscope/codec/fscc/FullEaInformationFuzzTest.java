package org.smbscope.codec.fscc;

import com.code_intelligence.jazzer.junit.FuzzTest;

class FullEaInformationFuzzTest {
    @FuzzTest
    void decode(byte[] input) {
        try {
            FullEaInformation.decode(input);
        } catch (FsccDecodeException expected) {
            // bounded failure
        }
        try {
            FullEaInformation.decodeNames(input);
        } catch (FsccDecodeException expected) {
            // bounded failure
        }
    }
}
