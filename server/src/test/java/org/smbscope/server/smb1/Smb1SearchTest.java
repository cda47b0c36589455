package org.smbscope.server.smb1;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.smbscope.codec.dtyp.FileTime;

class Smb1SearchTest {
    @Test
    void dosNamesAreBlankPaddedNameAndExtension() {
        assertThat(new String(Smb1Search.dosName("readme.txt"), StandardCharsets.ISO_8859_1)).isEqualTo("README  TXT");
        assertThat(new String(Smb1Search.dosName("d17"), StandardCharsets.ISO_8859_1)).isEqualTo("D17        ");
        assertThat(new String(Smb1Search.dosName(".."), StandardCharsets.ISO_8859_1)).isEqualTo("..         ");
        assertThat(new String(Smb1Search.dosName("LONGERNAME.HTML"), StandardCharsets.ISO_8859_1))
                .isEqualTo("LONGERNAHTM");
    }

    @Test
    void dosDateAndTimeInTheZone() {
        long ft = FileTime.of(Instant.parse("2024-03-05T13:14:16Z")).value();
        int[] dt = Smb1Search.dosDateTime(ft, ZoneOffset.UTC);
        assertThat(dt[0]).isEqualTo((2024 - 1980) << 9 | 3 << 5 | 5);
        assertThat(dt[1]).isEqualTo(13 << 11 | 14 << 5 | 8);
        assertThat(Smb1Search.dosDateTime(0, ZoneOffset.UTC)).containsExactly(0, 0);
        assertThat(Smb1Search.dosDateTime(FileTime.of(Instant.parse("1970-01-02T00:00:00Z")).value(), ZoneOffset.UTC))
                .containsExactly(0, 0);
    }
}
