package org.smbscope.codec.spnego;

import com.code_intelligence.jazzer.junit.FuzzTest;

class SpnegoTokenFuzzTest {
    @FuzzTest
    void decode(byte[] input) {
        try {
            SpnegoToken t = SpnegoToken.decode(input);
            t.detail().render();
            SpnegoToken.decode(t.encode());
        } catch (SpnegoDecodeException expected) {
            // bounded failure is the point
        }
    }
}
