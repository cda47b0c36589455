package org.smbscope.server.smb1;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Smb1FilesPathTest {
    @Test
    void dotDotResolvesInsideTheShareOnly() {
        assertThat(Smb1Files.resolveDotDot("\\testunlink\\..")).isEmpty();
        assertThat(Smb1Files.resolveDotDot("\\a\\b\\..\\c")).isEqualTo("a\\c");
        assertThat(Smb1Files.resolveDotDot("..")).isNull();
        assertThat(Smb1Files.resolveDotDot("\\..")).isNull();
        assertThat(Smb1Files.resolveDotDot("\\testunlink\\..\\..")).isNull();
        assertThat(Smb1Files.resolveDotDot("\\plain\\name")).isNull();
    }
}
