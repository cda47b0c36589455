package org.smbscope.server.smb1;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.smbscope.codec.smb1.Smb1Block;
import org.smbscope.codec.smb1.Smb1Command;

/** LOCKING_ANDX words (the first 16 bytes, or fewer) and ranges: parsed or refused (null), never an exception. */
class Smb1LockingFuzzTest {
    @FuzzTest
    void parse(byte[] input) {
        int words = Math.min(16, input.length);
        Smb1Locking.parse(new Smb1Block(Smb1Command.LOCKING_ANDX, Arrays.copyOf(input, words),
                Arrays.copyOfRange(input, words, input.length), 32));
    }
}
