package org.smbscope.codec.fscc;

import com.code_intelligence.jazzer.junit.FuzzTest;

class FileNotifyInformationFuzzTest {
    @FuzzTest
    void decode(byte[] input) {
        try {
            FileNotifyInformation.decode(input);
        } catch (FsccDecodeException expected) {
            // bounded failure
        }
    }
}
