package org.smbscope.server.fs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WildcardTest {
    @ParameterizedTest(name = "{0} ~ {1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "*|anything|true",
        "*.*|noext|true",
        "*.txt|Report.TXT|true",
        "*.txt|report.txt.bak|false",
        "r?port.*|Report.doc|true",
        "r?port.*|Rport.doc|false",
        "ABC|abc|true",
        "ABC|abcd|false",
        "a*c|abbbc|true",
        "a*c|abbbd|false",
        "<.txt|a.b.txt|true",
        "<.txt|a.txt.b|false",
        "<.txt|ab.txt|true",
        "<|a.b.c|false",
        "<.*|a.b.c|true",
        "a>>|a|true",
        "a>>|ab|true",
        "a>>|abcd|false",
        "file>>>>.t>>|file.t|true",
        "file>>>>.t>>|file12.txt|true",
        "a\"|a|true",
        "a\"|a.|true",
        "a\"|ab|false",
        "*|.|true",
        ".|.|true",
        "..|..|true",
        ".|..|false",
    })
    void matches(String pattern, String name, boolean expected) {
        assertThat(Wildcard.of(pattern).matches(name)).isEqualTo(expected);
    }
}
