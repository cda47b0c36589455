package org.smbscope.codec.smb1;

import com.code_intelligence.jazzer.junit.FuzzTest;

class Trans2FuzzTest {
    @FuzzTest
    void decode(byte[] input) {
        boolean unicode = input.length > 0 && (input[0] & 1) == 1;
        try {
            Trans2.FindFirst2Request.decode(input, unicode);
        } catch (Smb1DecodeException expected) {
        }
        try {
            Trans2.FindNext2Request.decode(input, unicode);
        } catch (Smb1DecodeException expected) {
        }
        try {
            Trans2.QueryPathInformationRequest.decode(input, unicode);
        } catch (Smb1DecodeException expected) {
        }
        try {
            Trans2.FindFileBothDirectoryInfo.decodeAll(input, 1000, unicode);
        } catch (Smb1DecodeException expected) {
        }
        try {
            Trans2.FileStandardInfo.decode(input);
            Trans2.FileBasicInfo.decode(input);
        } catch (Smb1DecodeException expected) {
        }
    }
}
