package org.smbscope.codec.fscc;

import com.code_intelligence.jazzer.junit.FuzzTest;

class FileInformationFuzzTest {
    /** First byte picks the class, the rest is the buffer; file classes then file system classes. */
    @FuzzTest
    void decode(byte[] input) {
        if (input.length == 0) {
            return;
        }
        byte[] rest = java.util.Arrays.copyOfRange(input, 1, input.length);
        try {
            FileInformation.decode(new FileInformationClass(input[0] & 0x3F), rest);
        } catch (FsccDecodeException expected) {
            // bounded failure
        }
        try {
            FsInformation.decode(new FsInformationClass(input[0] & 0x0F), rest);
        } catch (FsccDecodeException expected) {
            // bounded failure
        }
    }
}
