package org.smbscope.codec.smb2;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;

/**
 * Any bytes as an SMB2 frame: the only failure allowed is an {@link Smb2DecodeException}; what
 * decodes renders and encodes again. Corpus: messages from Samba and impacket captures.
 */
class Smb2CodecFuzzTest {
    @FuzzTest
    void decode(byte[] input) throws Smb2DecodeException {
        List<Smb2Packet> packets;
        try {
            packets = Smb2Codec.decode(input);
        } catch (Smb2DecodeException expected) {
            return;
        }
        for (Smb2Packet p : packets) {
            p.detail().render();
        }
        Smb2Codec.encode(packets);
    }
}
