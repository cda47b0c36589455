package org.smbscope.codec.crypto;

import com.code_intelligence.jazzer.junit.FuzzTest;

/** Opening hostile transform messages only ever fails with CryptoDecodeException. */
class Smb3TransformFuzzTest {
    private static final Smb3Transform GCM = Smb3Transform.of(
            Smb3Keys.derive(0x0311, CipherId.AES_128_GCM, new byte[16], PreauthHash.initial()), n -> null);
    private static final Smb3Transform CCM = Smb3Transform.of(
            Smb3Keys.derive(0x0300, CipherId.AES_128_CCM, new byte[16], null), n -> null);

    @FuzzTest
    void open(byte[] input) {
        try {
            GCM.open(input);
        } catch (CryptoDecodeException expected) {
        }
        try {
            CCM.open(input);
        } catch (CryptoDecodeException expected) {
        }
    }
}
