package org.smbscope.interop.serverpolicies;

import org.smbscope.interop.fixture.Smbscope;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;

/**
 * The seed's failure reproductions against our own server (SMB2/3, NTLM), each asserting what the client prints:
 * Samba's smbclient and our own {@code smbscope smbclient}.
 */
class OurServerPoliciesTest {
    @BeforeAll
    static void peers() {
        Peers.requireRoot();
        Peers.require("smbclient");
    }

    /** A server per nested class, closed after it. */
    abstract static class WithServer {
        Path dir;
        PolicyServer server;

        abstract String globals();

        @BeforeAll
        void start() throws Exception {
            dir = java.nio.file.Files.createTempDirectory("polsrv");
            server = PolicyServer.start(dir, "POLSRV", globals());
        }

        @AfterAll
        void stop() throws Exception {
            if (server != null) {
                server.close();
            }
        }

        ProcessResult samba(String clientGlobals, String host, String... extra) throws Exception {
            String[] args = new String[6 + extra.length];
            System.arraycopy(new String[] {"//" + host + "/share", "-I", server.ip(), "-U", PolicyServer.CREDS, "-c"},
                    0, args, 0, 6);
            System.arraycopy(extra, 0, args, 6, extra.length);
            return server.samba(clientGlobals, Map.of(), args);
        }

        Smbscope.Result ours(String host, String... extra) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("smbclient", "//" + host + "/share",
                    "-I", server.ip(), "-U", PolicyServer.CREDS, "-t", "20", "-c", "ls"));
            args.addAll(java.util.List.of(extra));
            return PolicyServer.ours(args.toArray(String[]::new));
        }
    }

    /**
     * {@code server signing = disabled} and a client that requires signing. Over SMB2/3 signing cannot be turned off
     * (SIGNING_ENABLED is always set), so the client's requirement is met and the session is signed: the SMB1-only
     * mismatch behind Windows' "System error 1240" does not arise with SMB2.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SigningDisabled extends WithServer {
        @Override
        String globals() {
            return "server signing = disabled";
        }

        @Test
        void sambaRequiringSigningConnectsSigned() throws Exception {
            ProcessResult r = samba("client signing = required", "POLSRV", "ls", "-m", "SMB3_11");
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(r.stdout()).contains("hello.txt");
            ProcessResult smb2 = samba("client signing = required", "POLSRV", "ls", "-m", "SMB2_02");
            assertThat(smb2.exitCode()).as(smb2.output()).isZero();
        }

        @Test
        void ourClientRequiringSigningConnectsSigned() {
            Smbscope.Result r = ours("POLSRV", "--option", "client signing=required", "-m", "SMB2_10");
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(r.stdout()).contains("hello.txt");
        }

        @Test
        void sambaOfferingOnlyNt1IsRefusedAtNegotiate() throws Exception {
            ProcessResult r = samba("client min protocol = NT1\nclient signing = required", "POLSRV", "ls", "-m", "NT1");
            assertThat(r.exitCode()).as(r.output()).isNotZero();
            assertThat(r.output()).contains("protocol negotiation failed");
        }
    }

    /** {@code ntlm auth = ntlmv2-only} (LmCompatibilityLevel 5) and a client sending NTLMv1: STATUS_LOGON_FAILURE. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Ntlmv2Only extends WithServer {
        @Override
        String globals() {
            return "ntlm auth = ntlmv2-only";
        }

        @Test
        void sambaSendingNtlmv1IsRefused() throws Exception {
            ProcessResult r = samba("client ntlmv2 auth = no", "POLSRV", "ls");
            assertThat(r.exitCode()).as(r.output()).isNotZero();
            assertThat(r.output()).contains("session setup failed: NT_STATUS_LOGON_FAILURE");
        }

        @Test
        void sambaSendingNtlmv2IsAccepted() throws Exception {
            ProcessResult r = samba("", "POLSRV", "ls");
            assertThat(r.exitCode()).as(r.output()).isZero();
        }

        @Test
        void ourClientSendingNtlmv1IsRefused() {
            Smbscope.Result r = ours("POLSRV", "--option", "client ntlmv2 auth=no");
            assertThat(r.exitCode()).as(r.output()).isNotZero();
            assertThat(r.stderr()).contains("session setup failed: NT_STATUS_LOGON_FAILURE")
                    .contains("System error 1326 has occurred.");
        }
    }

    /**
     * {@code server spn target name validation = required} (SmbServerNameHardeningLevel 2): the NTLMv2
     * MsvAvTargetName is cifs/&lt;host as typed&gt;; by IP address it is not one of our names: STATUS_ACCESS_DENIED.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class SpnRequired extends WithServer {
        @Override
        String globals() {
            return "server spn target name validation = required";
        }

        @Test
        void sambaByIpAddressIsRefused() throws Exception {
            ProcessResult r = samba("", server.ip(), "ls");
            assertThat(r.exitCode()).as(r.output()).isNotZero();
            assertThat(r.output()).contains("session setup failed: NT_STATUS_ACCESS_DENIED");
        }

        @Test
        void sambaByNameIsAccepted() throws Exception {
            ProcessResult r = samba("", "POLSRV", "ls");
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(r.stdout()).contains("hello.txt");
        }

        @Test
        void sambaByAnotherNameIsRefused() throws Exception {
            ProcessResult r = samba("", "NOTUS", "ls");
            assertThat(r.exitCode()).as(r.output()).isNotZero();
            assertThat(r.output()).contains("NT_STATUS_ACCESS_DENIED");
        }

        @Test
        void ourClientByIpAddressIsRefusedByNameAccepted() {
            Smbscope.Result byIp = ours(server.ip());
            assertThat(byIp.exitCode()).as(byIp.output()).isNotZero();
            assertThat(byIp.stderr()).contains("session setup failed: NT_STATUS_ACCESS_DENIED")
                    .contains("System error 5 has occurred.");
            Smbscope.Result byName = ours("POLSRV");
            assertThat(byName.exitCode()).as(byName.output()).isZero();
            assertThat(byName.stdout()).contains("hello.txt");
        }
    }
}
