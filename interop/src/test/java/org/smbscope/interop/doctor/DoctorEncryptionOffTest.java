package org.smbscope.interop.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smbscope.interop.fixture.SambaExtension;

/** "server smb encrypt = off" against a client that requires encryption. */
class DoctorEncryptionOffTest {
    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> b.global("server smb encrypt = off"));

    @Test
    void clientRequiringEncryptionIsTold() {
        Doctor.Result r = Doctor.doctor(SAMBA.samba(), "share", "-U", "alice%Passw0rd!", "--encrypt", "required", "--json");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.topRule()).as(r.output()).isEqualTo("encryption-unsupported");
        assertThat(r.json().path("findings").get(0).path("title").asText()).contains("client requires encryption");
    }
}
