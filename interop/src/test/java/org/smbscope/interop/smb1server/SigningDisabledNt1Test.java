package org.smbscope.interop.smb1server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.client.ClientConfig;
import org.smbscope.client.Credentials;
import org.smbscope.client.Protection;
import org.smbscope.client.SmbClient;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbDialect;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;

/**
 * The seed's failure: an NT1 server with {@code server signing = disabled} (SecurityMode 3) and a client that
 * requires signing. Samba's smbclient refuses to go on; our client says why.
 */
class SigningDisabledNt1Test {
    @TempDir
    static Path dir;
    static Nt1Server server;

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        Peers.require("smbclient");
        server = Nt1Server.start(dir, "server signing = disabled\n");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void smbclientRequiringSigningFails() {
        ProcessResult r = server.smbclient(server.unc("share"), "-m", "NT1", "-U", Nt1Server.CREDS,
                "--client-protection=sign", "-c", "ls");
        assertThat(r.exitCode()).as(r.output()).isNotZero();
        // smbclient itself gives up: the server offers no signing (SecurityMode 3) and the client requires it
        assertThat(r.output()).contains("session setup failed: NT_STATUS_ACCESS_DENIED");
        ProcessResult plain = server.smbclient(server.unc("share"), "-m", "NT1", "-U", Nt1Server.CREDS, "-c", "ls");
        assertThat(plain.exitCode()).as(plain.output()).isZero();
    }

    @Test
    void ourClientRequiringSigningExplains() throws Exception {
        ClientConfig c = ClientConfig.builder().minDialect(SmbDialect.NT1).maxDialect(SmbDialect.NT1)
                .signing(Protection.REQUIRED).build();
        assertThatThrownBy(() -> {
            try (SmbConnection conn = SmbClient.connect(c, server.address.getHostAddress(), 445, "OLDHOST")) {
                conn.session(Credentials.of("", "alice", "Passw0rd!")).close();
            }
        }).hasMessageContaining("sign");
    }
}
