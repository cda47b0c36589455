package org.smbscope.codec.smb1;

import com.code_intelligence.jazzer.junit.FuzzTest;

class Smb1MessagesFuzzTest {
    @FuzzTest
    void decode(byte[] input) {
        try {
            for (Smb1Message m : Smb1Messages.decode(input)) {
                m.detail().render();
                if (m instanceof TransactionResponse t && t.command().equals(Smb1Command.TRANSACTION2)) {
                    try {
                        var f = Trans2.FindResponse.decodeFirst(t.parameters());
                        Trans2.FindFileBothDirectoryInfo.decodeAll(t.data(), f.searchCount(), true);
                    } catch (Smb1DecodeException expected) {
                        // bounded failure
                    }
                }
            }
        } catch (Smb1DecodeException expected) {
            // bounded failure
        }
    }
}
