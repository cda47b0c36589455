package org.smbscope.codec.dcerpc;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

class RpcPduFuzzTest {
    @FuzzTest
    void decode(byte[] input) {
        try {
            RpcPduCodec.decode(input);
        } catch (DcerpcDecodeException expected) {
        }
    }

    /** Splits the input into PDUs by frag_length and feeds them to a bounded reassembler. */
    @FuzzTest
    void reassemble(byte[] input) {
        RpcReassembler re = new RpcReassembler(4096);
        int pos = 0;
        while (pos < input.length) {
            int len = RpcPduCodec.fragmentLength(input, pos, input.length - pos);
            if (len < 16 || len > input.length - pos) {
                return;
            }
            try {
                re.add(RpcPduCodec.decode(Arrays.copyOfRange(input, pos, pos + len)));
            } catch (DcerpcDecodeException expected) {
                return;
            }
            pos += len;
        }
    }
}
