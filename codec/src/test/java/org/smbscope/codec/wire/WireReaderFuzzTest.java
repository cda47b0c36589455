package org.smbscope.codec.wire;

import com.code_intelligence.jazzer.junit.FuzzTest;

class WireReaderFuzzTest {
    static final class E extends DecodeException {
        private static final long serialVersionUID = 1L;
        E(String f, int o, String d) { super(f, o, d); }
        @Override public String protocol() { return "TEST"; }
    }

    /** Length-prefixed chunks: lengths come from the data, reads must stay bounded. */
    @FuzzTest
    void fuzzReader(byte[] input) {
        WireReader r = WireReader.of(input, E::new);
        try {
            while (r.hasRemaining()) {
                int n = r.u16be("length");
                WireReader w = r.window("chunk", n);
                w.slice("inner", w.remaining() / 2, w.remaining() / 2);
                w.utf16le("text", w.remaining() & ~1);
            }
        } catch (DecodeException expected) {
            // bounded failure is the point
        }
    }
}
