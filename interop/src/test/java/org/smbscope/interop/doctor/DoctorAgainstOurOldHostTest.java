package org.smbscope.interop.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.interop.fixture.LoopbackAddresses;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.server.auth.PasswdAction;
import org.smbscope.server.auth.SmbPasswdFile;
import org.smbscope.server.config.SmbConfParser;
import org.smbscope.server.smb2.ServerLimits;
import org.smbscope.server.smb2.SmbServer;

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
        InetAddress address = LoopbackAddresses.allocate();
        try {
            Path share = Files.createDirectories(dir.resolve("share"));
            Path passdb = dir.resolve("smbpasswd");
            PasswdAction.ADD.apply(SmbPasswdFile.empty(), "alice", "Passw0rd!", 0).write(passdb);
            String conf = """
                    [global]
                       netbios name = OLDHOST
                       workgroup = OLDWG
                       interfaces = %s
                       bind interfaces only = yes
                       smb ports = 139
                       server min protocol = NT1
                       server max protocol = NT1
                       server signing = disabled
                       passdb backend = smbpasswd:%s
                    [share]
                       path = %s
                    """.formatted(address.getHostAddress(), passdb, share);
            try (SmbServer server = SmbServer.start(SmbConfParser.parse(conf, dir), ServerLimits.DEFAULTS,
                    Clock.systemUTC(), new SecureRandom())) {
                Doctor.Result r = Doctor.run("doctor", "//" + address.getHostAddress() + "/share", "-U",
                        "alice%Passw0rd!", "--signing", "required", "--timeout", "2", "--json");
                assertThat(r.exitCode()).as(r.output()).isEqualTo(1);
                String findings = r.json().path("findings").toString();
                assertThat(findings).as(r.output()).contains("\"rule\":\"signing-mismatch\"", "System error 1240",
                        "\"rule\":\"transport\"", "Port 445 is closed but 139 (NetBIOS) is open",
                        "\"rule\":\"smb1-only\"");
                assertThat(r.json().path("exchanges").toString())
                        .contains("Server SecurityMode 3: bit 0 user-level security = 1");
            }
        } finally {
            LoopbackAddresses.release(address);
        }
    }
}
