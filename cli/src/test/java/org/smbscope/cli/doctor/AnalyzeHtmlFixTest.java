package org.smbscope.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML report names only the places a fix has something to say (no empty "Registry:" label). */
class AnalyzeHtmlFixTest {
    @TempDir
    Path dir;

    @Test
    void emptyFixPlacesAreLeftOut() throws Exception {
        Path html = dir.resolve("r.html");
        AnalyzeCommandTest.run("analyze", "--html", html.toString(),
                AnalyzeCommandTest.CAPTURES.resolve("d_wrong_password.pcapng").toString());
        String page = Files.readString(html);
        assertThat(page).contains("<b>smb.conf:</b> check the user").contains("<b>Windows policy:</b>");
        assertThat(page).doesNotContainPattern("<b>Registry:</b> (<br>|</p>)");
    }
}
