package org.smbscope.codec.netbios;

import com.code_intelligence.jazzer.junit.FuzzTest;

class NetbiosNameFuzzTest {
    @FuzzTest
    void decode(byte[] input) {
        try {
            NetbiosName.decode(input).toString();
        } catch (NetbiosDecodeException expected) {
            // bounded failure
        }
    }
}
