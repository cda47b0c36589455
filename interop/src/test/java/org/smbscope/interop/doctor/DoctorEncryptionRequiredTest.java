package org.smbscope.interop.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smbscope.interop.fixture.SambaExtension;

/** "server smb encrypt = required" against a client capped at SMB 2.1: encryption required but unsupported. */
class DoctorEncryptionRequiredTest {
    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> b.global("server smb encrypt = required"));

    @Test
    void smb21ClientIsRefused() {
        Doctor.Result r = Doctor.doctor(SAMBA.samba(), "share", "-U", "alice%Passw0rd!", "--max-protocol", "2.1", "--json");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.topRule()).as(r.output()).isEqualTo("encryption-unsupported");
        assertThat(r.json().path("findings").get(0).path("fix").path("smbConf").asText()).contains("server smb encrypt = desired");
    }

    @Test
    void smb311ClientEncryptsAndIsHealthy() {
        Doctor.Result r = Doctor.doctor(SAMBA.samba(), "share", "-U", "alice%Passw0rd!", "--json");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.json().path("sessions").toString()).contains("\"encryption\":true", "\"tree:share\":\"connected\"");
    }
}
