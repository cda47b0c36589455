package org.smbscope.codec.dcerpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

/** NDR alignment, deferred pointer order, full pointers, strings and bounded reads ([C706] 14). */
class NdrTest {
    @Test
    void alignsEachPrimitiveToItsSize() throws Exception {
        byte[] b = new NdrWriter().u8(1).u16(2).u8(3).u32(4).u8(5).u64(6).toByteArray();
        assertThat(Hex.format(b)).isEqualTo("01" + "00" + "0200" + "03" + "000000" + "04000000" + "05" + "000000"
                + "0600000000000000");
        NdrReader r = NdrReader.of(b);
        assertThat(r.u8("a")).isEqualTo(1);
        assertThat(r.u16("b")).isEqualTo(2);
        assertThat(r.u8("c")).isEqualTo(3);
        assertThat(r.u32("d")).isEqualTo(4);
        assertThat(r.u8("e")).isEqualTo(5);
        assertThat(r.u64("f")).isEqualTo(6);
        r.expectEnd("end");
    }

    @Test
    void embeddedPointeesFollowTheStructureDepthFirst() {
        // struct { A* a; B* b; } where A = struct { u32 x; C* c; }: order a-struct, c, b
        NdrWriter w = new NdrWriter();
        w.construct(s -> s
                .pointer(true, a -> a.u32(0xAA).pointer(true, c -> c.u32(0xCC)))
                .pointer(true, b -> b.u32(0xBB)));
        assertThat(Hex.format(w.toByteArray())).isEqualTo(
                "00000200" + "04000200"          // referents of a and b
                + "aa000000" + "08000200"        // a's scalars, c's referent
                + "cc000000"                     // c, deferred after a
                + "bb000000");                   // then b
    }

    @Test
    void topLevelPointeesFollowImmediatelyAndFullPointersRepeatTheirReferent() {
        String shared = "x";
        NdrWriter w = new NdrWriter(0x100);
        w.construct(s -> s.fullPointer(shared, p -> p.string(shared)).fullPointer(shared, p -> p.string(shared)));
        w.stringPointer(null);
        assertThat(Hex.format(w.toByteArray())).isEqualTo("00010000" + "00010000"
                + "02000000" + "00000000" + "02000000" + "7800" + "0000" + "00000000");
    }

    @Test
    void stringsAndCountsAreBounded() throws Exception {
        byte[] s = new NdrWriter().string("hé").toByteArray();
        assertThat(NdrReader.of(s).string("s")).isEqualTo("hé");
        byte[] tooLong = Hex.parse("05000000 00000000 05000000 6100 0000");
        assertThatThrownBy(() -> NdrReader.of(tooLong).string("s")).isInstanceOf(DcerpcDecodeException.class)
                .hasMessageContaining("actual_count 5");
        byte[] actualOverMax = Hex.parse("01000000 00000000 02000000 6100 0000");
        assertThatThrownBy(() -> NdrReader.of(actualOverMax).string("s")).hasMessageContaining("max_count 1");
        byte[] offset = Hex.parse("02000000 01000000 01000000 6100");
        assertThatThrownBy(() -> NdrReader.of(offset).string("s")).hasMessageContaining("offset 1");
        byte[] count = Hex.parse("ffffff7f 00000000");
        assertThatThrownBy(() -> NdrReader.of(count).conformance("n", 12)).hasMessageContaining("exceeds the 4 bytes left");
        assertThatThrownBy(() -> NdrReader.of(new byte[3]).u32("x")).isInstanceOf(DcerpcDecodeException.class);
    }
}
