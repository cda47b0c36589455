package org.smbscope.codec.netbios;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

class NameServicePacketFuzzTest {
    /** Decoding never throws anything but the NBNS exception; what decodes re-encodes and decodes equal. */
    @FuzzTest
    void decode(byte[] input) {
        NameServicePacket p;
        try {
            p = NameServicePacket.decode(input);
        } catch (NetbiosDecodeException expected) {
            return;
        }
        p.detail().render();
        p.summary();
        try {
            assertThat(NameServicePacket.decode(p.encode())).isEqualTo(p);
        } catch (NetbiosDecodeException e) {
            throw new AssertionError("re-encoded packet does not decode", e);
        }
    }
}
