package org.smbscope.codec.smb1;

import com.code_intelligence.jazzer.junit.FuzzTest;

class FeaListFuzzTest {
    @FuzzTest
    void decode(byte[] input) {
        try {
            FeaList.decode(input);
        } catch (Smb1DecodeException expected) {
            // bounded failure
        }
        try {
            FeaList.decodeNames(input);
        } catch (Smb1DecodeException expected) {
            // bounded failure
        }
    }
}
