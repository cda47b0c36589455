package org.smbscope.trace.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smbscope.trace.explain.Captures;

/** End to end: each reference capture gets the finding its scenario is about, most important first. */
class CaptureDiagnosisTest {
    static List<Finding> findings(String capture) throws Exception {
        return Diagnosis.run(Observations.of(Captures.messages(capture)));
    }

    @ParameterizedTest
    @CsvSource({
        "d_wrong_password.pcapng,   logon-failure,          ERROR,   12",
        "i_smb311_encrypt.pcapng,   encryption-unsupported, ERROR,   58",
        "j_ntlmv1_lm.pcapng,        ntlm-level,             WARNING, 11",
        "f_anonymous_guest.pcapng,  access-denied,          ERROR,  151",
        "g_nmblookup.pcapng,        netbios-name,           ERROR,    7",
        "a_smb1_nt1.pcapng,         smb1-only,              INFO,     7",
        "k_impacket_server.pcapng,  logon-failure,          ERROR,  103",
    })
    void topFinding(String capture, String rule, Severity severity, long frame) throws Exception {
        Finding top = findings(capture).get(0);
        assertThat(top.rule()).isEqualTo(rule);
        assertThat(top.severity()).isEqualTo(severity);
        assertThat(top.evidence().get(0).frame()).isEqualTo(frame);
        assertThat(top.fix().smbConf()).isNotBlank();
        assertThat(top.render()).contains("Cause: ", "Evidence: frame " + frame);
    }

    @ParameterizedTest
    @CsvSource({"b_smb3_default.pcapng", "h_port139_nbss.pcapng", "l_impacket_client.pcapng"})
    void healthyCapturesHaveNoError(String capture) throws Exception {
        assertThat(findings(capture)).noneMatch(f -> f.severity() == Severity.ERROR);
    }

    @ParameterizedTest
    @CsvSource({"f_anonymous_guest.pcapng, guest-fallback, nosuchuser", "j_ntlmv1_lm.pcapng, ntlm-level, LM"})
    void alsoFound(String capture, String rule, String text) throws Exception {
        assertThat(findings(capture)).anyMatch(f -> f.rule().equals(rule) && f.render().contains(text));
    }

    @org.junit.jupiter.api.Test
    void wrongPasswordSaysSystemError1326() throws Exception {
        assertThat(findings("d_wrong_password.pcapng").get(0).userSees()).contains("System error 1326",
                "NT_STATUS_LOGON_FAILURE");
    }
}
