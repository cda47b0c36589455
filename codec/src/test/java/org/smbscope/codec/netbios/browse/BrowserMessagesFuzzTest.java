package org.smbscope.codec.netbios.browse;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.smbscope.codec.netbios.NetbiosDecodeException;

class BrowserMessagesFuzzTest {
    @FuzzTest
    void decode(byte[] input) {
        try {
            BrowserMessages.decodeMailslot(input).message().detail().render();
        } catch (NetbiosDecodeException expected) {
            // bounded failure
        }
        try {
            BrowserMessages.decode(input).detail().render();
        } catch (NetbiosDecodeException expected) {
            // bounded failure
        }
    }
}
