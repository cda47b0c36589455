package org.smbscope.interop.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smbscope.interop.fixture.SambaExtension;

/** Names through Samba's nmbd as WINS server: a registered name resolves, an unknown one is a finding. */
class DoctorWinsTest {
    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> b.nmbd(true).global("wins support = yes"));

    @Test
    void unregisteredNameIsTheTopFinding() {
        String wins = SAMBA.samba().address().getHostAddress();
        Doctor.Result r = Doctor.run("doctor", "//NOSUCHNAME/share", "--wins", wins, "--timeout", "2", "--json");
        assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
        assertThat(r.topRule()).as(r.output()).isEqualTo("netbios-name");
        assertThat(r.json().path("findings").get(0).path("title").asText()).contains("NOSUCHNAME");
    }

    @Test
    void registeredNameResolvesAndTheRestFollows() {
        String wins = SAMBA.samba().address().getHostAddress();
        Doctor.Result r = Doctor.run("doctor", "//" + SAMBA.samba().netbiosName() + "/share", "--wins", wins,
                "-U", "alice%Passw0rd!", "--timeout", "2");
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).contains("resolves to " + wins + " (NBNS, WINS " + wins + ")", "share as alice: connected");
    }
}
