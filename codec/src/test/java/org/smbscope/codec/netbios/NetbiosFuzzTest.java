package org.smbscope.codec.netbios;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Any bytes through each NetBIOS decoder: the only failure allowed is a
 * {@link NetbiosDecodeException}; whatever decodes must encode again and that encoding must
 * decode. Corpora (real packets from Samba captures, truncated and looping names) live in
 * {@code NetbiosFuzzTestInputs/<method>/} and run in the normal suite.
 */
class NetbiosFuzzTest {
    @FuzzTest
    void nameService(byte[] input) throws NetbiosDecodeException {
        NameServicePacket p;
        try {
            p = NameServicePacket.decode(input);
        } catch (NetbiosDecodeException expected) {
            return;
        }
        p.detail().render();
        NameServicePacket.decode(p.encode());
    }

    @FuzzTest
    void datagram(byte[] input) throws NetbiosDecodeException {
        DatagramPacket p;
        try {
            p = DatagramPacket.decode(input);
        } catch (NetbiosDecodeException expected) {
            return;
        }
        DatagramPacket.decode(p.encode());
    }

    @FuzzTest
    void session(byte[] input) throws NetbiosDecodeException {
        SessionPacket p;
        try {
            p = SessionFrameCodec.DEFAULT.decode(input);
        } catch (NetbiosDecodeException expected) {
            return;
        }
        SessionFrameCodec.DEFAULT.decode(SessionFrameCodec.DEFAULT.encode(p));
    }

    @FuzzTest
    void name(byte[] input) throws NetbiosDecodeException {
        NetbiosName n;
        try {
            n = NetbiosName.decode(input);
        } catch (NetbiosDecodeException expected) {
            return;
        }
        NetbiosName.decode(n.encode());
    }
}
