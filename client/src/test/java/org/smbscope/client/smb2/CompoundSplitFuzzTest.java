package org.smbscope.client.smb2;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.smbscope.client.SmbProtocolException;

/** The reader's compound splitter fails only with SmbProtocolException on any input. */
class CompoundSplitFuzzTest {
    @FuzzTest
    void split(byte[] input) {
        try {
            Smb2Connection.split(input);
        } catch (SmbProtocolException expected) {
            // malformed frames are refused
        }
    }
}
