package org.smbscope.server.smb1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Smb1FilesPathTest {
    @Test
    void dotDotResolvesInsideTheShareOnly() {
        assertThat(Smb1PathCommands.resolveDotDot("\\testunlink\\..")).isEmpty();
        assertThat(Smb1PathCommands.resolveDotDot("\\a\\b\\..\\c")).isEqualTo("a\\c");
        assertThat(Smb1PathCommands.resolveDotDot("..")).isNull();
        assertThat(Smb1PathCommands.resolveDotDot("\\..")).isNull();
        assertThat(Smb1PathCommands.resolveDotDot("\\testunlink\\..\\..")).isNull();
        assertThat(Smb1PathCommands.resolveDotDot("\\plain\\name")).isNull();
    }
}
