package org.smbscope.codec.ntlm;

import com.code_intelligence.jazzer.junit.FuzzTest;

class NtlmMessageFuzzTest {
    @FuzzTest
    void decode(byte[] input) {
        try {
            NtlmMessage m = NtlmMessage.decode(input);
            m.detail().render();
            NtlmMessage.decode(m.encode());
        } catch (NtlmDecodeException expected) {
            // bounded failure is the point
        }
    }
}
