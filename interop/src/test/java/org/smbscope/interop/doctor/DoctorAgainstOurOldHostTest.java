package org.smbscope.interop.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.interop.fixture.OurSmbServer;
import org.smbscope.interop.fixture.Peers;

/**
 * The seed's old host played by our own server: SMB1 only, on port 139 only, signing disabled
 * (SecurityMode 3). The doctor, with a client that requires signing like Windows 11 24H2, finds both
 * what the seed found: 445 is closed but 139 is open, and the signing mismatch (System error 1240).
 */
class DoctorAgainstOurOldHostTest {
    @TempDir
    Path dir;

    @Test
    void port139OnlyAndSigningMismatch() throws Exception {
        Peers.requireRoot(); // port 139
        Path share = Files.createDirectories(dir.resolve("share"));
        try (OurSmbServer server = OurSmbServer.start(dir, """
                netbios name = OLDHOST
                workgroup = OLDWG
                smb ports = 139
                server min protocol = NT1
                server max protocol = NT1
                server signing = disabled
                """, "[share]\npath = " + share + "\n", "NT1")) {
            Doctor.Result r = Doctor.run("doctor", server.unc("share"), "-U", OurSmbServer.CREDS,
                    "--signing", "required", "--timeout", "2", "--json");
            assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
            String findings = r.json().path("findings").toString();
            assertThat(findings).as(r.output()).contains("\"rule\":\"signing-mismatch\"", "System error 1240",
                    "\"rule\":\"transport\"", "Port 445 is closed but 139 (NetBIOS) is open",
                    "\"rule\":\"smb1-only\"");
            assertThat(r.json().path("exchanges").toString())
                    .contains("Server SecurityMode 3: bit 0 user-level security = 1");
        }
    }
}
