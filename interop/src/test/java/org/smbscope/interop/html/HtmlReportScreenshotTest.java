package org.smbscope.interop.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.cli.Main;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;
import picocli.CommandLine;

/**
 * The HTML report of {@code analyze --html} as a real browser shows it: headless Chromium takes a
 * screenshot (a real picture, not blank) and dumps the DOM after parsing (the ladder and its
 * expandable arrows are there).
 */
class HtmlReportScreenshotTest {
    @TempDir
    Path dir;

    @Test
    void analyzeReportRendersInHeadlessChromium() throws Exception {
        Path chromium = Peers.require("chromium");
        Path capture = dir.resolve("b_smb3_default.pcapng");
        try (InputStream in = HtmlReportScreenshotTest.class.getResourceAsStream("b_smb3_default.pcapng")) {
            Files.copy(in, capture);
        }
        Path html = dir.resolve("report.html");
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        int rc = cl.execute("analyze", "--html", html.toString(), capture.toString());
        assertThat(rc).as(out.toString()).isIn(0, 1);
        assertThat(html).exists();

        Path png = dir.resolve("report.png");
        ProcessResult shot = ProcessRunner.run(Duration.ofSeconds(60),
                chromium(chromium, "--screenshot=" + png, "--window-size=1280,900", html.toUri().toString()));
        assertThat(png).as(shot.output()).exists();
        assertThat(Files.size(png)).as("PNG size").isGreaterThan(5_000);
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1280);
        assertThat(img.getHeight()).isEqualTo(900);
        assertThat(distinctColours(img)).as("a picture, not a uniform colour").isGreaterThan(8);

        ProcessResult dom = ProcessRunner.run(Duration.ofSeconds(60), chromium(chromium, "--dump-dom", html.toUri().toString()));
        assertThat(dom.stdout()).as(dom.output())
                .contains("class=\"ladder\"")
                .contains("<details class=\"c2s")
                .contains("<details class=\"s2c")
                .contains("<summary>")
                .contains("NEGOTIATE");
    }

    private List<String> chromium(Path chromium, String... args) {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + dir.resolve("profile")));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static int distinctColours(BufferedImage img) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                seen.add(img.getRGB(x, y));
                if (seen.size() > 100) {
                    return seen.size();
                }
            }
        }
        return seen.size();
    }
}
