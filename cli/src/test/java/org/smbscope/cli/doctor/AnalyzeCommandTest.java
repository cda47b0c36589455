package org.smbscope.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.cli.Main;
import picocli.CommandLine;

/** {@code smbscope analyze} on the reference captures: text, JSON and HTML. */
class AnalyzeCommandTest {
    static final Path CAPTURES = Path.of("../trace/src/test/resources/captures");

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void wrongPasswordCaptureNarratesAndFindsTheLogonFailure() {
        Run r = run("analyze", CAPTURES.resolve("d_wrong_password.pcapng").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("Capture ", "  Negotiate", "  Authentication",
                "frame 12    <- SMB2 SESSION_SETUP response, STATUS_LOGON_FAILURE",
                "Findings (most important first)", "1. ERROR [logon-failure] Logon failed: NT_STATUS_LOGON_FAILURE",
                "The user sees: System error 1326 has occurred.", "Evidence: frame 12", "Fix (smb.conf): ");
    }

    @Test
    void healthyCaptureExitsZero() {
        Run r = run("analyze", CAPTURES.resolve("b_smb3_default.pcapng").toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("None: nothing in this exchange explains a failure.");
    }

    @Test
    void jsonHasStepsExchangesAndFindings() throws Exception {
        Run r = run("analyze", "--json", CAPTURES.resolve("j_ntlmv1_lm.pcapng").toString());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("file").asText()).endsWith("j_ntlmv1_lm.pcapng");
        assertThat(j.path("steps").toString()).contains("\"step\":\"Negotiate\"", "\"step\":\"Authentication\"");
        assertThat(j.path("exchanges").size()).isGreaterThan(20);
        JsonNode first = j.path("exchanges").get(1);
        assertThat(first.path("frame").asLong()).isEqualTo(5);
        assertThat(first.path("summary").asText()).isEqualTo("SMB2 NEGOTIATE request");
        assertThat(j.path("findings").get(0).path("rule").asText()).isEqualTo("ntlm-level");
        assertThat(j.path("findings").get(0).path("evidence").get(0).path("frame").asLong()).isEqualTo(11);
        assertThat(j.path("findings").get(0).path("fix").path("registry").asText()).contains("LmCompatibilityLevel");
    }

    @Test
    void htmlIsOneSelfContainedPageWithALadder(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        Run r = run("analyze", "--html", html.toString(), CAPTURES.resolve("a_smb1_nt1.pcapng").toString());
        assertThat(r.code()).isZero();
        String page = Files.readString(html);
        assertThat(page).startsWith("<!DOCTYPE html>").contains("class=\"ladder\"", "<details class=\"c2s\">",
                "<details class=\"s2c\">", "SMB1 SMB_COM_NEGOTIATE response", "Server SecurityMode 3",
                "<pre>SMB (Server Message Block Protocol)").doesNotContain("<script", "http://", "https://");
    }

    @Test
    void passwordOpensEncryptedTraffic() {
        Run sealed = run("analyze", CAPTURES.resolve("i_smb311_encrypt.pcapng").toString());
        assertThat(sealed.out()).contains("SMB3 encrypted message").doesNotContain("SMB2 READ request");
        Run r = run("analyze", "--password", "Passw0rd!", CAPTURES.resolve("i_smb311_encrypt.pcapng").toString());
        assertThat(r.out()).contains("Decryption: session 0x", "32 encrypted messages opened", "SMB2 READ request")
                .doesNotContain("SMB3 encrypted message");
        assertThat(r.out()).contains("1. ERROR [encryption-unsupported]");
    }

    @Test
    void missingFileAndNotACapture(@TempDir Path dir) throws Exception {
        assertThat(run("analyze", dir.resolve("nope.pcap").toString()).code()).isEqualTo(1);
        Path junk = Files.writeString(dir.resolve("junk.pcap"), "this is not a capture at all");
        assertThat(run("analyze", junk.toString()).code()).isEqualTo(4);
    }
}
