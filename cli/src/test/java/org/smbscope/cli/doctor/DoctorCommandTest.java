package org.smbscope.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.smbscope.cli.CommandFailedException;
import org.smbscope.client.Credentials;

/** The doctor's parsing, and a target where nothing listens (the transport finding, exit 3). */
class DoctorCommandTest {
    @Test
    void targets() {
        assertThat(DoctorTarget.parse("//fs01/share")).isEqualTo(new DoctorTarget("fs01", "share"));
        assertThat(DoctorTarget.parse("\\\\192.168.1.63\\ADMIN$")).isEqualTo(new DoctorTarget("192.168.1.63", "ADMIN$"));
        assertThat(DoctorTarget.parse("//fs01")).isEqualTo(new DoctorTarget("fs01", null));
        assertThat(DoctorTarget.parse("//fs01/")).isEqualTo(new DoctorTarget("fs01", null));
        assertThatThrownBy(() -> DoctorTarget.parse("fs01")).isInstanceOf(CommandFailedException.class);
    }

    @Test
    void credentials() {
        Credentials c = SessionWalk.credentials("LAB\\alice%Pa%ss");
        assertThat(c.domain()).isEqualTo("LAB");
        assertThat(c.user()).isEqualTo("alice");
        assertThat(c.password()).isEqualTo("Pa%ss");
    }

    @Test
    void closedPortIsANetworkFailureWithTheTransportFinding() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        AnalyzeCommandTest.Run r = AnalyzeCommandTest.run("doctor", "//127.0.0.1", "-p", String.valueOf(port),
                "--timeout", "0.3", "--nbns-port", String.valueOf(port), "--json");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(3);
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertThat(j.path("transport").get(0).path("open").asBoolean()).isFalse();
        assertThat(j.path("findings").get(0).path("rule").asText()).isEqualTo("transport");
        assertThat(j.path("findings").get(0).path("userSees").asText()).contains("System error 53");
    }
}
