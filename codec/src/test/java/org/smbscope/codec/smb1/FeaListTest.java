package org.smbscope.codec.smb1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.fscc.FullEa;
import org.smbscope.codec.wire.Hex;

class FeaListTest {
    static final byte[] GOLDEN = Hex.parse("""
            1b 00 00 00            # SizeOfListInBytes 27
            00                     # ExtendedAttributeFlag
            05                     # AttributeNameLengthInBytes 5
            06 00                  # AttributeValueLengthInBytes 6
            45 41 4f 4e 45 00      # AttributeName "EAONE" + NUL
            56 41 4c 55 45 31      # AttributeValue "VALUE1"
            00                     # ExtendedAttributeFlag
            02                     # AttributeNameLengthInBytes 2
            00 00                  # AttributeValueLengthInBytes 0
            58 59 00               # AttributeName "XY" + NUL, no value
            """);

    static final byte[] GEA = Hex.parse("""
            0d 00 00 00            # SizeOfListInBytes 13
            05                     # AttributeNameLengthInBytes 5
            45 41 4f 4e 45 00      # AttributeName "EAONE" + NUL
            00                     # AttributeNameLengthInBytes 0
            00                     # AttributeName "" + NUL
            """);

    private static final List<FullEa> EAS = List.of(FullEa.of("EAONE", "VALUE1"), FullEa.of("XY", ""));

    @Test
    void goldenFeaList() throws Exception {
        assertThat(FeaList.encode(EAS)).isEqualTo(GOLDEN);
        assertThat(FeaList.decode(GOLDEN)).isEqualTo(EAS);
        assertThat(FeaList.size(EAS)).isEqualTo(27);
        assertThat(FeaList.encode(List.of())).containsExactly(4, 0, 0, 0);
        assertThat(FeaList.decode(new byte[] {4, 0, 0, 0})).isEmpty();
    }

    @Test
    void goldenGeaList() throws Exception {
        assertThat(FeaList.encodeNames(List.of("EAONE", ""))).isEqualTo(GEA);
        assertThat(FeaList.decodeNames(GEA)).containsExactly("EAONE", "");
    }

    @Test
    void bytesAfterTheListAreIgnored() throws Exception {
        byte[] longer = java.util.Arrays.copyOf(GOLDEN, GOLDEN.length + 3);
        assertThat(FeaList.decode(longer)).isEqualTo(EAS);
    }

    @Test
    void hostile() {
        byte[] big = GOLDEN.clone();
        big[0] = 0x40; // list size past the buffer
        assertThatThrownBy(() -> FeaList.decode(big)).isInstanceOf(Smb1DecodeException.class);
        byte[] small = GOLDEN.clone();
        small[0] = 3; // smaller than its own size field
        assertThatThrownBy(() -> FeaList.decode(small)).isInstanceOf(Smb1DecodeException.class);
        byte[] value = GOLDEN.clone();
        value[6] = 0x7f; // value length past the list
        assertThatThrownBy(() -> FeaList.decode(value)).isInstanceOf(Smb1DecodeException.class);
        byte[] noNul = GOLDEN.clone();
        noNul[13] = 'X';
        assertThatThrownBy(() -> FeaList.decode(noNul)).isInstanceOf(Smb1DecodeException.class);
        assertThatThrownBy(() -> FeaList.decode(new byte[2])).isInstanceOf(Smb1DecodeException.class);
        assertThatThrownBy(() -> FeaList.decodeNames(new byte[] {6, 0, 0, 0, 9, 'a'}))
                .isInstanceOf(Smb1DecodeException.class);
    }
}
