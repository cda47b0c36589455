package org.smbscope.codec.dtyp;

import com.code_intelligence.jazzer.junit.FuzzTest;

class AclFuzzTest {
    @FuzzTest
    void decode(byte[] input) {
        try {
            Acl acl = Acl.decode(input);
            Acl.decode(acl.encode());
        } catch (DtypDecodeException expected) {
            // malformed input is refused
        }
    }
}
