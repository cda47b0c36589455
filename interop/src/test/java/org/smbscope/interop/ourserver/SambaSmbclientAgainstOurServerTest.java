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

/** Samba's smbclient against our server: share listing and logon with each dialect, signing, encryption, errors. */
class SambaSmbclientAgainstOurServerTest {
    @TempDir
    static Path dir;
    static OurServer server;

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        Peers.require("smbclient");
        server = OurServer.start(dir, "", "");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static void assertListing(ProcessResult r) {
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.stdout()).as(r.output()).containsPattern("\\tshare\\s+Disk\\s+our test share")
                .containsPattern("\\tIPC\\$\\s+IPC\\s+IPC Service").containsPattern("\\tpub\\s+Disk")
                .doesNotContain("secret");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMB2_02", "SMB2_10", "SMB3_00", "SMB3_02", "SMB3_11"})
    void listsSharesWithEachDialect(String dialect) {
        assertListing(server.smbclient("-L", "//" + server.address.getHostAddress(), "-U", OurServer.CREDS, "-m", dialect));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMB2_02", "SMB2_10", "SMB3_00", "SMB3_02", "SMB3_11"})
    void signingRequiredByTheClient(String dialect) {
        assertListing(server.smbclient("-L", "//" + server.address.getHostAddress(), "-U", OurServer.CREDS, "-m", dialect,
                "--option=client signing=required"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMB3_00", "SMB3_02", "SMB3_11"})
    void encryptionRequiredByTheClient(String dialect) {
        assertListing(server.smbclient("-L", "//" + server.address.getHostAddress(), "-U", OurServer.CREDS, "-m", dialect,
                "--client-protection=encrypt"));
    }

    @Test
    void wrongPasswordIsLogonFailure() {
        ProcessResult r = server.smbclient("-L", "//" + server.address.getHostAddress(), "-U", "alice%wrong");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("NT_STATUS_LOGON_FAILURE");
    }

    @Test
    void unknownShareIsBadNetworkName() {
        ProcessResult r = server.smbclient(server.unc("nosuch"), "-U", OurServer.CREDS, "-c", "ls");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("NT_STATUS_BAD_NETWORK_NAME");
    }

    @Test
    void netbiosSessionServiceOnPort139() {
        assertListing(server.smbclient("-L", "//" + server.address.getHostAddress(), "-U", OurServer.CREDS, "-p", "139"));
    }

    /** Samba offers only the one cipher, and requires encryption: success means we chose it. */
    @ParameterizedTest
    @ValueSource(strings = {"aes-128-ccm", "aes-128-gcm", "aes-256-ccm", "aes-256-gcm"})
    void eachCipherWithSmb311(String cipher) {
        assertListing(server.smbclient("-L", "//" + server.address.getHostAddress(), "-U", OurServer.CREDS, "-m", "SMB3_11",
                "--client-protection=encrypt", "--option=client smb3 encryption algorithms=" + cipher));
    }

    /** Samba offers only the one signing algorithm, and requires signing. */
    @ParameterizedTest
    @ValueSource(strings = {"aes-128-gmac", "aes-128-cmac"})
    void eachSigningAlgorithmWithSmb311(String algorithm) {
        assertListing(server.smbclient("-L", "//" + server.address.getHostAddress(), "-U", OurServer.CREDS, "-m", "SMB3_11",
                "--option=client signing=required", "--option=client smb3 signing algorithms=" + algorithm));
    }

    @Test
    void anonymousListsShares() {
        assertListing(server.smbclient("-N", "-L", "//" + server.address.getHostAddress()));
    }

    @Test
    void unknownUserIsGuestOnGuestOkSharesOnly() {
        ProcessResult pub = server.smbclient(server.unc("pub"), "-U", "ghost%x", "-c", "pwd");
        assertThat(pub.exitCode()).as(pub.output()).isZero();
        assertThat(pub.stdout()).contains("Current directory is \\\\" + server.address.getHostAddress() + "\\pub\\");
        ProcessResult denied = server.smbclient(server.unc("share"), "-U", "ghost%x", "-c", "pwd");
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.output()).contains("NT_STATUS_ACCESS_DENIED");
    }
}
