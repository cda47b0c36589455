package org.smbscope.codec.netbios;

import com.code_intelligence.jazzer.junit.FuzzTest;

class DatagramPacketFuzzTest {
    @FuzzTest
    void decode(byte[] input) {
        try {
            DatagramPacket.decode(input).detail().render();
        } catch (NetbiosDecodeException expected) {
            // bounded failure
        }
    }
}
