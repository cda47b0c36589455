package org.smbscope.codec.fscc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.smbscope.codec.wire.Hex;

class FullEaInformationTest {
    static final byte[] GOLDEN = Hex.parse("""
            14 00 00 00            # NextEntryOffset 20
            00                     # Flags
            05                     # EaNameLength 5
            06 00                  # EaValueLength 6
            45 41 4f 4e 45 00      # EaName "EAONE" + NUL
            56 41 4c 55 45 31      # EaValue "VALUE1" (20 bytes: no padding)
            00 00 00 00            # NextEntryOffset 0 (last)
            80                     # Flags FILE_NEED_EA
            02                     # EaNameLength 2
            01 00                  # EaValueLength 1
            58 59 00               # EaName "XY" + NUL
            7a                     # EaValue "z"
            """);

    static final byte[] NAMES = Hex.parse("""
            0c 00 00 00            # NextEntryOffset 12
            05                     # EaNameLength 5
            45 41 4f 4e 45 00      # EaName "EAONE" + NUL
            00                     # padding to 4
            00 00 00 00            # NextEntryOffset 0 (last)
            02                     # EaNameLength 2
            58 59 00               # EaName "XY" + NUL
            """);

    private static final List<FullEa> EAS = List.of(FullEa.of("EAONE", "VALUE1"),
            new FullEa(FullEa.NEED_EA, "XY", new byte[] {'z'}));

    @Test
    void goldenChain() throws Exception {
        assertThat(FullEaInformation.encode(EAS)).isEqualTo(GOLDEN);
        assertThat(FullEaInformation.decode(GOLDEN)).isEqualTo(EAS);
        assertThat(FullEaInformation.encodedSize(EAS)).isEqualTo(GOLDEN.length);
        assertThat(FullEaInformation.decode(new byte[0])).isEmpty();
        assertThat(EAS.get(0).fullSize()).isEqualTo(20);
        assertThat(EAS.get(1).toString()).isEqualTo("FullEa[XY=1 bytes, flags 0x80]");
    }

    @Test
    void goldenNameList() throws Exception {
        assertThat(FullEaInformation.encodeNames(List.of("EAONE", "XY"))).isEqualTo(NAMES);
        assertThat(FullEaInformation.decodeNames(NAMES)).containsExactly("EAONE", "XY");
    }

    @Test
    void hostile() {
        byte[] odd = GOLDEN.clone();
        odd[0] = 0x13; // not a multiple of 4
        assertThatThrownBy(() -> FullEaInformation.decode(odd)).isInstanceOf(FsccDecodeException.class);
        byte[] past = GOLDEN.clone();
        past[0] = 0x40; // beyond the buffer
        assertThatThrownBy(() -> FullEaInformation.decode(past)).isInstanceOf(FsccDecodeException.class);
        byte[] longValue = GOLDEN.clone();
        longValue[26] = 0x7f; // second value length past the end
        assertThatThrownBy(() -> FullEaInformation.decode(longValue)).isInstanceOf(FsccDecodeException.class);
        byte[] noNul = GOLDEN.clone();
        noNul[13] = 'X'; // the first name is not NUL-terminated
        assertThatThrownBy(() -> FullEaInformation.decode(noNul)).isInstanceOf(FsccDecodeException.class);
        assertThatThrownBy(() -> FullEaInformation.decode(new byte[5])).isInstanceOf(FsccDecodeException.class);
        assertThatThrownBy(() -> FullEaInformation.decodeNames(new byte[] {0, 0, 0, 0, 9, 'a', 0}))
                .isInstanceOf(FsccDecodeException.class);
    }
}
