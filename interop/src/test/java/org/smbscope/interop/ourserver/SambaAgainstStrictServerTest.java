package org.smbscope.interop.ourserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;

/** Our server with {@code server signing = mandatory} and {@code server smb encrypt = required}, Samba's smbclient as client. */
class SambaAgainstStrictServerTest {
    @TempDir
    static Path dir;
    static OurServer server;

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        Peers.require("smbclient");
        server = OurServer.start(dir, "server signing = mandatory\nserver smb encrypt = required", "");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMB3_00", "SMB3_02", "SMB3_11"})
    void smb3ClientsAreServedEncrypted(String dialect) {
        ProcessResult r = server.smbclient("-L", "//" + server.address.getHostAddress(), "-U", OurServer.CREDS, "-m", dialect);
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).containsPattern("\\tshare\\s+Disk");
    }

    @Test
    void smb2ClientIsRefused() {
        ProcessResult r = server.smbclient("-L", "//" + server.address.getHostAddress(), "-U", OurServer.CREDS, "-m",
                "SMB2_10");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("NT_STATUS_ACCESS_DENIED");
    }
}
