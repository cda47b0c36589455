package org.smbscope.server.smb2;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class FrameBuffersTest {
    @Test
    void buffersHoldAFrameAndATagAndAtMostKeepAreKept() {
        FrameBuffers pool = new FrameBuffers(100_000, 2);
        ByteBuffer a = pool.take();
        ByteBuffer b = pool.take();
        ByteBuffer c = pool.take();
        assertThat(a.isDirect()).isTrue();
        assertThat(a.capacity()).isEqualTo(100_016);
        a.position(10).limit(20);
        pool.give(a);
        pool.give(b);
        pool.give(c);
        assertThat(pool.idle()).isEqualTo(2);
        ByteBuffer again = pool.take();
        assertThat(again).isSameAs(a);
        assertThat(again.position()).isZero();
        assertThat(again.limit()).isEqualTo(again.capacity());
        pool.give(ByteBuffer.allocate(100_016)); // not one of ours: ignored
        pool.give(ByteBuffer.allocateDirect(10));
        assertThat(pool.idle()).isEqualTo(1);
    }

    @Test
    void aSmallRequestGetsABufferOnlyWhenOneIsIdle() {
        FrameBuffers pool = new FrameBuffers(400_000, 2);
        assertThat(pool.take(64 * 1024)).as("none idle: an array is cheaper").isNull();
        ByteBuffer big = pool.take(100_004);
        assertThat(big).isNotNull();
        pool.give(big);
        assertThat(pool.take(64 * 1024)).isSameAs(big);
    }
}
