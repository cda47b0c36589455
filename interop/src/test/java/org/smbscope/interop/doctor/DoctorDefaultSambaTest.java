package org.smbscope.interop.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smbscope.interop.fixture.SambaExtension;

/**
 * The doctor against Samba's defaults (SMB1 off, NTLMv2 only, map to guest = bad user): healthy
 * with the right password, and the seed's failures named by their finding.
 */
class DoctorDefaultSambaTest {
    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> b.nmbd(true));

    @Test
    void healthyServerHasNoErrorFinding() {
        Doctor.Result r = Doctor.doctor(SAMBA.samba(), "share", "-U", "alice%Passw0rd!", "--json");
        assertThat(r.exitCode()).as(r.output()).isZero();
        JsonNode j = r.json();
        for (JsonNode f : j.path("findings")) {
            assertThat(f.path("severity").asText()).as(r.output()).isNotEqualTo("ERROR");
        }
        assertThat(r.topRule()).as(r.output()).isEqualTo("smb1-disabled");
        assertThat(r.topSeverity()).isEqualTo("INFO");
        assertThat(j.path("dialects").toString()).contains("\"dialect\":\"SMB 3.1.1\",\"accepted\":true")
                .contains("\"dialect\":\"NT LM 0.12 (SMB1)\",\"accepted\":false");
        assertThat(j.path("transport").get(0).path("open").asBoolean()).isTrue();
        assertThat(j.path("sessions").toString()).contains("\"tree:share\":\"connected\"");
    }

    @Test
    void textReportWalksTheSteps(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path html = dir.resolve("doctor.html");
        Doctor.Result r = Doctor.doctor(SAMBA.samba(), "share", "-U", "alice%Passw0rd!", "--html", html.toString());
        assertThat(java.nio.file.Files.readString(html)).contains("class=\"ladder\"", "SMB2 NEGOTIATE request",
                "Server fingerprint (target info)");
        assertThat(r.stdout()).as(r.output()).contains("1. Name", "2. Transport", "TCP 445: open",
                "3. Negotiate (one probe per dialect)", "SMB 3.1.1          accepted", "4. Authentication",
                "SPNEGO: the server offers NTLMSSP", "Server fingerprint (target info): NetBIOS name",
                "alice: logged on as user", "5. Tree connect", "share as alice: connected", "Every message, explained",
                "6. What default clients would do with this server", "Windows 11 24H2: connects with SMB 3.1.1",
                "Findings (most important first)");
    }

    @Test
    void pcapOpensInTsharkWithTheSameMessages(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        java.nio.file.Path pcap = dir.resolve("doctor.pcap");
        Doctor.Result r = Doctor.doctor(SAMBA.samba(), "share", "-U", "alice%Passw0rd!", "--pcap", pcap.toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        org.smbscope.interop.fixture.ProcessResult t = org.smbscope.interop.fixture.ProcessRunner.run(
                java.time.Duration.ofSeconds(60), java.util.List.of(
                        org.smbscope.interop.fixture.Peers.require("tshark").toString(), "-r", pcap.toString(), "-Y",
                        "smb2 || smb || nbns || nbss", "-T", "fields", "-e", "_ws.col.Protocol", "-e", "_ws.col.Info",
                        "-e", "_ws.malformed"));
        assertThat(t.exitCode()).as(t.stderr()).isZero();
        assertThat(t.stdout()).contains("Negotiate Protocol Request", "Negotiate Protocol Response",
                "Session Setup Request", "Tree Connect Request", "NBSTAT").doesNotContain("Malformed");
    }

    @Test
    void ntlmLevelsProbeShowsNtlmv1IsRefusedWithoutAnError() {
        Doctor.Result r = Doctor.doctor(SAMBA.samba(), "share", "-U", "alice%Passw0rd!", "--ntlm-levels", "--json");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.json().path("sessions").toString()).contains("refused (NT_STATUS_LOGON_FAILURE");
        assertThat(r.json().path("findings").toString()).contains("The server refuses NTLMv1");
    }

    @Test
    void unknownUserFallsBackToGuest() {
        Doctor.Result r = Doctor.doctor(SAMBA.samba(), "guest", "-U", "nobodyknows%x", "--json");
        assertThat(r.topRule()).as(r.output()).isEqualTo("guest-fallback");
        assertThat(r.topSeverity()).isEqualTo("WARNING");
        assertThat(r.json().path("findings").get(0).path("userSees").asText()).contains("System error 1272");
    }

    @Test
    void guestCannotSignWhenTheClientRequiresSigning() {
        Doctor.Result r = Doctor.doctor(SAMBA.samba(), "guest", "-U", "nobodyknows%x", "--signing", "required", "--json");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.topRule()).as(r.output()).isEqualTo("guest-fallback");
        assertThat(r.topSeverity()).isEqualTo("ERROR");
    }

    @Test
    void missingShare() {
        Doctor.Result r = Doctor.doctor(SAMBA.samba(), "nosuchshare", "-U", "alice%Passw0rd!", "--json");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.topRule()).as(r.output()).isEqualTo("no-such-share");
        assertThat(r.json().path("findings").get(0).path("userSees").asText()).contains("System error 67");
    }

    @Test
    void wrongPassword() {
        Doctor.Result r = Doctor.doctor(SAMBA.samba(), "share", "-U", "alice%wrong", "--json");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.topRule()).as(r.output()).isEqualTo("logon-failure");
        assertThat(r.json().path("findings").get(0).path("userSees").asText()).contains("System error 1326");
    }

    @Test
    void ntlmv1AgainstNtlmv2Only() {
        Doctor.Result r = Doctor.doctor(SAMBA.samba(), "share", "-U", "alice%Passw0rd!", "--lm-level", "2", "--json");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.topRule()).as(r.output()).isEqualTo("ntlm-level");
        assertThat(r.json().path("findings").get(0).path("fix").path("registry").asText()).contains("LmCompatibilityLevel");
    }
}
