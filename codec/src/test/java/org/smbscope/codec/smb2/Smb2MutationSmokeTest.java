package org.smbscope.codec.smb2;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Deterministic byte mutations of every golden message: decoding either succeeds or throws Smb2DecodeException. */
class Smb2MutationSmokeTest {
    @Test
    void mutatedGoldenMessagesFailCleanly() throws Exception {
        SplittableRandom random = new SplittableRandom(20261121);
        for (String name : new String(Smb2GoldenReplayTest.golden("index.txt"), StandardCharsets.US_ASCII)
                .split("\n")) {
            if (!name.endsWith(".bin")) {
                continue;
            }
            byte[] original = Smb2GoldenReplayTest.golden(name);
            for (int round = 0; round < 300; round++) {
                byte[] b = original.clone();
                int edits = 1 + random.nextInt(4);
                for (int e = 0; e < edits; e++) {
                    int at = 64 + random.nextInt(Math.max(1, b.length - 64));
                    if (at < b.length) {
                        b[at] = (byte) random.nextInt(256);
                    }
                }
                if (random.nextInt(4) == 0) {
                    b = java.util.Arrays.copyOf(b, random.nextInt(b.length + 1));
                }
                byte[] input = b;
                assertThatCode(() -> {
                    try {
                        for (Smb2Packet p : Smb2Codec.decodeAll(input)) {
                            p.detail().render();
                            Smb2Codec.encode(p.header(), p.message());
                        }
                    } catch (Smb2DecodeException expected) {
                        // fine
                    }
                    try {
                        Smb2TransformHeader.decode(input);
                    } catch (Smb2DecodeException expected) {
                        // fine
                    }
                }).as(name + " round " + round).doesNotThrowAnyException();
            }
        }
    }
}
