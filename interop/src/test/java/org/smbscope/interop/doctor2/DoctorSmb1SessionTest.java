package org.smbscope.interop.doctor2;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smbscope.interop.fixture.SambaExtension;

/**
 * The seed's server, SMB1 only (NT1): the doctor's dialect probes find only NT LM 0.12, so its
 * real session runs over SMB1 (our SMB1 client): the user logs on, the share connects, and the
 * SESSION_SETUP_ANDX exchanges are explained; the smb1-only finding stays.
 */
class DoctorSmb1SessionTest {
    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> b.global("server min protocol = NT1")
            .global("server max protocol = NT1").user("alice", "Passw0rd!"));

    private static Analyze.Result doctor(String... extra) {
        java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of("doctor",
                "//" + SAMBA.samba().address().getHostAddress() + "/share", "--timeout", "2"));
        a.addAll(java.util.List.of(extra));
        return Analyze.run(a.toArray(String[]::new));
    }

    @Test
    void theUsersSessionRunsOverSmb1() {
        Analyze.Result r = doctor("-U", "alice%Passw0rd!", "--json");
        JsonNode sessions = r.json().path("sessions");
        JsonNode alice = null;
        for (JsonNode s : sessions) {
            if (s.path("user").asText().equals("alice")) {
                alice = s;
            }
        }
        assertThat(alice).as(r.output()).isNotNull();
        assertThat(alice.path("session").asText()).as(r.output()).isEqualTo("user");
        assertThat(alice.path("tree:share").asText()).isEqualTo("connected");
        assertThat(r.json().path("exchanges").toString()).contains("SMB1 SMB_COM_SESSION_SETUP_ANDX request")
                .contains("SMB1 SMB_COM_TREE_CONNECT_ANDX").contains("NTLMSSP_AUTH: user alice");
        assertThat(r.rules()).contains("smb1-only").doesNotContain("logon-failure");
    }

    @Test
    void theTextSaysTheSessionUsesNtLm012() {
        Analyze.Result r = doctor("-U", "alice%Passw0rd!");
        assertThat(r.stdout()).as(r.output()).contains("Only SMB1 is accepted: the session below uses NT LM 0.12.")
                .contains("alice: logged on as user").contains("share as alice: connected");
    }
}
