package org.smbscope.codec.smb1;

import com.code_intelligence.jazzer.junit.FuzzTest;

class Smb1MessagesFuzzTest {
    @FuzzTest
    void decode(byte[] input) {
        try {
            for (Smb1Message m : Smb1Messages.decode(input)) {
                m.detail().render();
            }
        } catch (Smb1DecodeException expected) {
            // bounded failure
        }
    }
}
