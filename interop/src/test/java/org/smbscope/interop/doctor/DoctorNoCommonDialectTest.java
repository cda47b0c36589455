package org.smbscope.interop.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smbscope.interop.fixture.SambaExtension;

/** "server min protocol = SMB3" (Samba reads it as SMB3_11) against a client capped at SMB 2.1: no common dialect. */
class DoctorNoCommonDialectTest {
    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> b.global("server min protocol = SMB3"));

    @Test
    void noCommonDialectIsTheTopFinding() {
        Doctor.Result r = Doctor.doctor(SAMBA.samba(), "share", "-U", "alice%Passw0rd!", "--max-protocol", "2.1", "--json");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.topRule()).as(r.output()).isEqualTo("no-common-dialect");
        assertThat(r.json().path("findings").get(0).path("cause").asText()).as(r.json().path("dialects").toString()).contains("SMB 2.0.2, SMB 2.1",
                "the server accepts SMB 3.1.1");
        assertThat(r.json().path("dialects").toString()).contains("\"dialect\":\"SMB 2.1\",\"accepted\":false");
    }
}
