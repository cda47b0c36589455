package org.smbscope.codec.smb2;

import com.code_intelligence.jazzer.junit.FuzzTest;

class Smb2CodecFuzzTest {
    /** Header, compound splitter and every message decoder in both directions (direction comes from the flags). */
    @FuzzTest
    void decodeAll(byte[] input) {
        try {
            for (Smb2Packet p : Smb2Codec.decodeAll(input)) {
                p.detail().render();
                Smb2Codec.encode(p.header(), p.message());
                if (p.message() instanceof ErrorResponse e) {
                    e.contexts();
                }
            }
        } catch (Smb2DecodeException expected) {
            // bounded failure
        }
    }

    @FuzzTest
    void transform(byte[] input) {
        try {
            Smb2TransformHeader.decode(input).aad();
        } catch (Smb2DecodeException expected) {
            // bounded failure
        }
    }
}
