package org.smbscope.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;

import org.junit.jupiter.api.Test;

class FramePoolTest {
    private static final int BIG = 1 << 20;

    @Test
    void aReturnedArrayServesTheNextFrameOfTheSameLengthOnly() {
        FramePool pool = new FramePool();
        byte[] a = pool.take(BIG);
        pool.give(a);
        assertThat(pool.take(BIG + 1)).isNotSameAs(a).hasSize(BIG + 1);
        assertThat(pool.take(BIG)).isSameAs(a);
        assertThat(pool.take(BIG)).isNotSameAs(a); // taken: a new one
        assertThat(pool.pooledBytes()).isZero();
    }

    @Test
    void smallFramesAreNotPooled() {
        FramePool pool = new FramePool();
        byte[] small = pool.take(FramePool.MIN_LENGTH - 1);
        pool.give(small);
        assertThat(pool.pooledBytes()).isZero();
        assertThat(pool.take(FramePool.MIN_LENGTH - 1)).isNotSameAs(small);
    }

    @Test
    void keepsAtMostMaxBytesDroppingTheOldest() {
        FramePool pool = new FramePool();
        int length = 8 << 20;
        byte[] first = new byte[length];
        pool.give(first);
        for (int i = 0; i < 10; i++) {
            pool.give(new byte[length]);
        }
        assertThat(pool.pooledBytes()).isLessThanOrEqualTo(FramePool.MAX_BYTES).isGreaterThan(FramePool.MAX_BYTES - length);
        for (long n = pool.pooledBytes() / length; n > 0; n--) {
            assertThat(pool.take(length)).isNotSameAs(first);
        }
    }

    @Test
    void aPooledArrayIsFilledWithTheNewFrameWhole() throws IOException {
        FramePool pool = new FramePool();
        byte[] old = new byte[BIG];
        java.util.Arrays.fill(old, (byte) 0x55);
        pool.give(old);
        byte[] wire = new byte[3 + BIG];
        wire[0] = 0x10; // 24-bit length 0x100000
        wire[3 + BIG - 1] = 7;
        byte[] body = FrameIo.readBody(new DataInputStream(new ByteArrayInputStream(wire)), BIG, pool);
        assertThat(body).isSameAs(old);
        assertThat(body[0]).isZero();
        assertThat(body[BIG - 1]).isEqualTo((byte) 7);
    }
}
