package org.smbscope.codec.netbios;

import com.code_intelligence.jazzer.junit.FuzzTest;

class SessionFrameCodecFuzzTest {
    @FuzzTest
    void decode(byte[] input) {
        try {
            SessionFrameCodec.DEFAULT.decode(input).detail().render();
        } catch (NetbiosDecodeException expected) {
            // bounded failure
        }
        try {
            DirectTcpFraming.DEFAULT.unframe(input);
        } catch (NetbiosDecodeException expected) {
            // bounded failure
        }
    }
}
