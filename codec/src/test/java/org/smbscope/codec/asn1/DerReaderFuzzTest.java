package org.smbscope.codec.asn1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.smbscope.codec.wire.DecodeException;

class DerReaderFuzzTest {
    /** Walks any DER tree, entering constructed elements up to a fixed depth. */
    @FuzzTest
    void walk(byte[] input) {
        try {
            walk(DerReader.of(input), 0);
        } catch (DecodeException expected) {
            // bounded failure is the point
        }
    }

    private static void walk(DerReader r, int depth) throws DecodeException {
        while (r.hasRemaining() && depth < 32) {
            int id = r.peekIdentifier("element");
            if ((id & 0x20) != 0 && (id & 0x1f) != 0x1f) {
                walk(r.enter("constructed", id >> 6, id & 0x1f), depth + 1);
            } else if (id == 0x06) {
                r.oid("oid");
            } else if (id == 0x02) {
                r.integer("integer");
            } else if (id == 0x03) {
                r.bitString("bits");
            } else {
                r.next("element");
            }
        }
    }
}
