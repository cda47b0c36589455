package org.smbscope.codec.kerberos;

import com.code_intelligence.jazzer.junit.FuzzTest;

class KerberosMessageFuzzTest {
    @FuzzTest
    void decode(byte[] input) {
        try {
            KerberosMessage m = KerberosMessage.decode(input);
            m.detail().render();
            m.toString();
        } catch (KerberosDecodeException expected) {
            // bounded failure is the point
        }
        KerberosMessage.looksLikeKerberos(input);
    }
}
