package org.smbscope.interop.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smbscope.interop.fixture.SambaExtension;

/**
 * The seed's server: SMB1 only (NT1) with "server signing = disabled", so its SecurityMode is 3.
 * A client that requires signing (Windows 11 24H2's default) cannot connect: System error 1240.
 */
class DoctorSmb1SigningTest {
    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> b.global("server signing = disabled")
            .global("server min protocol = NT1").global("server max protocol = NT1"));

    @Test
    void signingMismatchIsTheTopFinding() {
        Doctor.Result r = Doctor.doctor(SAMBA.samba(), "share", "--signing", "required", "--json");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.topRule()).as(r.output()).isEqualTo("signing-mismatch");
        JsonNode top = r.json().path("findings").get(0);
        assertThat(top.path("userSees").asText()).contains("System error 1240");
        assertThat(top.path("fix").path("smbConf").asText()).contains("server signing");
        assertThat(r.json().path("findings").toString()).contains("\"rule\":\"smb1-only\"");
        assertThat(r.json().path("exchanges").toString()).contains("Server SecurityMode 3: bit 0 user-level security = 1");
    }

    @Test
    void withoutRequiredSigningTheSmb1OnlyServerIsTheFinding() {
        Doctor.Result r = Doctor.doctor(SAMBA.samba(), null, "--json");
        assertThat(r.topRule()).as(r.output()).isEqualTo("smb1-only");
        assertThat(r.json().path("clients").get(0).asText()).startsWith("Windows 11 24H2: cannot connect");
    }
}
