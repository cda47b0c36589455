package org.smbscope.codec.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WireWriterTest {
    @Test
    void exactlySizedWriterHandsOutItsBufferAndNeverChangesItLater() {
        WireWriter w = new WireWriter(16);
        w.u64le(0x0102030405060708L).u64le(0);
        byte[] first = w.toByteArray();
        assertThat(first).hasSize(16);
        w.patchU32le(8, 0xAABBCCDDL);
        assertThat(first[8]).isZero();
        byte[] second = w.toByteArray();
        assertThat(second[8]).isEqualTo((byte) 0xDD);
        w.u8(0x77);
        assertThat(w.toByteArray()).hasSize(17).endsWith(0x77);
        assertThat(second).hasSize(16);
        assertThat(first).startsWith(8, 7, 6, 5, 4, 3, 2, 1);
    }

    @Test
    void partlyFilledWriterCopies() {
        WireWriter w = new WireWriter(64);
        w.u16le(0x1234);
        byte[] out = w.toByteArray();
        w.patchU16le(0, 0);
        assertThat(out).containsExactly(0x34, 0x12);
    }
}
