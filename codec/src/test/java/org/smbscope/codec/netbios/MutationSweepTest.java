package org.smbscope.codec.netbios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.netbios.browse.BrowserMessages;

/**
 * A deterministic, seeded mutation sweep over the golden packets (a cheap complement to the
 * Jazzer corpus): every decoder either decodes or throws its NetbiosDecodeException, and what the
 * name service decodes re-encodes to something that decodes equal.
 */
class MutationSweepTest {
    @Test
    void mutatedGoldenPacketsFailOnlyWithDecodeExceptions() {
        List<byte[]> seeds = List.of(NameServicePacketTest.NODE_STATUS_REQUEST,
                NameServicePacketTest.NODE_STATUS_RESPONSE, NameServicePacketTest.POSITIVE_RESPONSE,
                NameServicePacketTest.NEGATIVE_RESPONSE, DatagramPacketTest.election(),
                SessionFrameCodecTest.SESSION_REQUEST,
                NameServicePackets.registration(1, NetbiosName.of("FRED", 0x20, "a.b"),
                        NbAddress.unique(NameServiceHostileTest.ADDR), 300, true).encode());
        SplittableRandom rnd = new SplittableRandom(1002);
        for (int i = 0; i < 30_000; i++) {
            byte[] seed = seeds.get(rnd.nextInt(seeds.size()));
            byte[] b = seed.clone();
            int edits = 1 + rnd.nextInt(4);
            for (int e = 0; e < edits; e++) {
                b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
            }
            if (rnd.nextInt(4) == 0) {
                b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 1));
            }
            try {
                NameServicePacket p = NameServicePacket.decode(b);
                p.detail().render();
                assertThat(NameServicePacket.decode(p.encode())).isEqualTo(p);
            } catch (NetbiosDecodeException expected) {
                // fine
            }
            try {
                DatagramPacket.decode(b).detail().render();
            } catch (NetbiosDecodeException expected) {
                // fine
            }
            try {
                SessionFrameCodec.DEFAULT.decode(b).detail().render();
            } catch (NetbiosDecodeException expected) {
                // fine
            }
            try {
                BrowserMessages.decodeMailslot(b);
            } catch (NetbiosDecodeException expected) {
                // fine
            }
        }
    }
}
