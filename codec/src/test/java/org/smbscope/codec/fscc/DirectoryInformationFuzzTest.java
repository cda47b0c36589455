package org.smbscope.codec.fscc;

import com.code_intelligence.jazzer.junit.FuzzTest;

class DirectoryInformationFuzzTest {
    /** First byte picks the class, the rest is the buffer. */
    @FuzzTest
    void decode(byte[] input) {
        if (input.length == 0) {
            return;
        }
        try {
            DirectoryInformation.decode(new FileInformationClass(input[0] & 0xFF),
                    java.util.Arrays.copyOfRange(input, 1, input.length));
        } catch (FsccDecodeException expected) {
            // bounded failure
        }
    }
}
