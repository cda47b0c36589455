package org.smbscope.interop.kerberos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.smbscope.client.ClientConfig;
import org.smbscope.client.Credentials;
import org.smbscope.client.Protection;
import org.smbscope.client.SmbClient;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbException;
import org.smbscope.client.SmbSession;
import org.smbscope.client.SmbTree;
import org.smbscope.client.WireTap;
import org.smbscope.client.auth.KerberosAuthException;
import org.smbscope.client.auth.KerberosMode;
import org.smbscope.client.auth.KerberosSettings;
import org.smbscope.codec.kerberos.ErrorCode;
import org.smbscope.interop.fixture.KdcExtension;
import org.smbscope.interop.fixture.Samba;
import org.smbscope.interop.fixture.SambaExtension;

/**
 * Our client against a standalone Samba that accepts Kerberos with a dedicated keytab, and a
 * private MIT KDC: by name Kerberos only (no NTLMSSP on the wire), by IP address NTLM with
 * {@code desired} and a refusal with {@code required}, by an alias without SPN the KDC's error 7
 * and then NTLM; AES-256-GCM sealing keyed by the Kerberos (acceptor sub)key.
 */
class KerberosClientInteropTest {
    static final String REALM = "SMBSCOPE.TEST";
    static final String SERVER = "fileserver.smbscope.test";
    static final String ALIAS = "fs-alias.smbscope.test";
    static final String WITH_PAC = "pac.smbscope.test";

    @RegisterExtension
    static final KdcExtension KDC = new KdcExtension(REALM, k -> k.addUser("alice", "Passw0rd!").addUser("robot", "R0bot-pw!")
            .addService("cifs/" + SERVER).addServiceWithPac("cifs/" + WITH_PAC), "smbscope.test");

    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> {
        Path keytab = KDC.kdc().exportKeytab("server.keytab", "cifs/" + SERVER, "cifs/" + WITH_PAC);
        b.global("realm = " + REALM).global("kerberos method = dedicated keytab")
                .global("dedicated keytab file = FILE:" + keytab)
                .global("server smb3 encryption algorithms = aes-256-gcm")
                .global("ntlm auth = ntlmv2-only").user("robot", "R0bot-pw!").logLevel(3);
    });

    private final List<String> notices = Collections.synchronizedList(new ArrayList<>());
    private final List<byte[]> sessionSetupsSent = Collections.synchronizedList(new ArrayList<>());

    private ClientConfig config(KerberosMode mode) {
        WireTap tap = (direction, at, frame, decoded) -> {
            if (direction == WireTap.Direction.SENT && frame.length > 14 && frame[12] == 1 && frame[13] == 0) {
                sessionSetupsSent.add(frame.clone());
            }
        };
        return ClientConfig.builder().wireTap(tap).kerberos(KerberosSettings.of(mode)
                .withKrb5Conf(KDC.kdc().krb5Conf()).withNotices(notices::add)).build();
    }

    private boolean ntlmsspSent() {
        byte[] sig = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
        return sessionSetupsSent.stream().anyMatch(f -> indexOf(f, sig) >= 0);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static String addr() {
        return SAMBA.samba().address().getHostAddress();
    }

    private static final Credentials ALICE = Credentials.of("", "alice", "Passw0rd!");

    @Test
    void byNameKerberosOnlyNoNtlmOnTheWire() throws IOException {
        Samba s = SAMBA.samba();
        Files.writeString(s.shareDir("share").resolve("hello.txt"), "hello over kerberos\n");
        try (SmbConnection c = SmbClient.connect(config(KerberosMode.REQUIRED), addr(), 445, SERVER);
                SmbSession session = c.session(ALICE)) {
            assertThat(session.mechanism()).isEqualTo("Kerberos (alice@" + REALM + " to cifs/" + SERVER + ")");
            assertThat(session.signing()).isTrue();
            try (SmbTree tree = session.tree("share")) {
                assertThat(tree.stat("hello.txt").size()).isEqualTo(20);
            }
        }
        assertThat(sessionSetupsSent).isNotEmpty();
        assertThat(ntlmsspSent()).as("NTLMSSP in a SESSION_SETUP").isFalse();
        assertThat(notices).isEmpty();
        assertThat(KDC.kdc().log()).contains("TGS_REQ").contains("cifs/" + SERVER + "@" + REALM);
    }

    @Test
    void desiredByNameAlsoUsesKerberos() throws IOException {
        try (SmbConnection c = SmbClient.connect(config(KerberosMode.DESIRED), addr(), 445, SERVER);
                SmbSession session = c.session(ALICE)) {
            assertThat(session.mechanism()).startsWith("Kerberos");
            assertThat(session.kerberosFallback()).isNull();
        }
        assertThat(ntlmsspSent()).isFalse();
    }

    @Test
    void aes256GcmSealedWithTheKerberosKey() throws IOException {
        ClientConfig config = config(KerberosMode.REQUIRED).toBuilder().encryption(Protection.REQUIRED).build();
        Samba s = SAMBA.samba();
        byte[] data = new byte[200_000];
        new java.util.Random(3).nextBytes(data);
        Files.write(s.shareDir("share").resolve("sealed.bin"), data);
        try (SmbConnection c = SmbClient.connect(config, addr(), 445, SERVER);
                SmbSession session = c.session(ALICE)) {
            assertThat(c.negotiated().cipher()).isEqualTo("AES-256-GCM");
            assertThat(session.mechanism()).startsWith("Kerberos");
            assertThat(session.encrypting()).isTrue();
            try (SmbTree tree = session.tree("share")) {
                assertThat(tree.stat("sealed.bin").size()).isEqualTo(data.length);
            }
        }
    }

    @Test
    void fromATicketCache() throws IOException {
        Path cc = KDC.kdc().kinit("alice", "Passw0rd!", "alice.ccache");
        ClientConfig config = config(KerberosMode.REQUIRED);
        config = config.toBuilder().kerberos(config.kerberos().withCcache(cc)).build();
        try (SmbConnection c = SmbClient.connect(config, addr(), 445, SERVER);
                SmbSession session = c.session(Credentials.anonymous())) {
            assertThat(session.mechanism()).startsWith("Kerberos (alice@" + REALM);
            assertThat(session.isAnonymous()).isFalse();
        }
        assertThat(ntlmsspSent()).isFalse();
    }

    @Test
    void fromAClientKeytab() throws IOException {
        Path kt = KDC.kdc().exportKeytab("robot.keytab", "robot");
        ClientConfig config = config(KerberosMode.REQUIRED);
        config = config.toBuilder().kerberos(config.kerberos().withKeytab(kt, "robot")).build();
        try (SmbConnection c = SmbClient.connect(config, addr(), 445, SERVER);
                SmbSession session = c.session(Credentials.anonymous())) {
            assertThat(session.mechanism()).isEqualTo("Kerberos (robot@" + REALM + " to cifs/" + SERVER + ")");
        }
    }

    @Test
    void byIpDesiredFallsBackToNtlmAndSaysSo() throws IOException {
        try (SmbConnection c = SmbClient.connect(config(KerberosMode.DESIRED), addr(), 445, addr());
                SmbSession session = c.session(ALICE)) {
            assertThat(session.mechanism()).isEqualTo("NTLMSSP");
        }
        assertThat(notices).singleElement().asString().contains("IP address (" + addr() + ")")
                .endsWith("falling back to NTLM");
        assertThat(ntlmsspSent()).isTrue();
    }

    @Test
    void byIpRequiredIsRefusedBeforeAnySessionSetup() throws IOException {
        try (SmbConnection c = SmbClient.connect(config(KerberosMode.REQUIRED), addr(), 445, addr())) {
            assertThatThrownBy(() -> c.session(ALICE)).isInstanceOf(KerberosAuthException.class)
                    .hasMessageContaining("IP address");
        }
        assertThat(sessionSetupsSent).isEmpty();
    }

    @Test
    void byIpWithTryIpTheKdcSaysError7() throws IOException {
        ClientConfig config = config(KerberosMode.REQUIRED);
        config = config.toBuilder().kerberos(config.kerberos().withTryIpAddress(true)).build();
        try (SmbConnection c = SmbClient.connect(config, addr(), 445, addr())) {
            assertThatThrownBy(() -> c.session(ALICE)).isInstanceOfSatisfying(KerberosAuthException.class,
                    e -> assertThat(e.kdcError()).isEqualTo(ErrorCode.S_PRINCIPAL_UNKNOWN))
                    .hasMessageContaining("KDC_ERR_S_PRINCIPAL_UNKNOWN (7)")
                    .hasMessageContaining("cifs/" + addr());
        }
        assertThat(KDC.kdc().log()).contains("cifs/" + addr() + "@" + REALM);
    }

    @Test
    void aliasWithoutSpnKdcError7ThenNtlm() throws IOException {
        try (SmbConnection c = SmbClient.connect(config(KerberosMode.DESIRED), addr(), 445, ALIAS);
                SmbSession session = c.session(ALICE)) {
            assertThat(session.mechanism()).isEqualTo("NTLMSSP");
            assertThat(session.kerberosFallback()).contains("KDC_ERR_S_PRINCIPAL_UNKNOWN (7)")
                    .contains("cifs/" + ALIAS);
            try (SmbTree tree = session.tree("share")) {
                assertThat(tree).isNotNull();
            }
        }
        assertThat(notices).singleElement().asString()
                .contains("Server not found in Kerberos database").endsWith("falling back to NTLM");
        assertThat(ntlmsspSent()).isTrue();
        assertThat(KDC.kdc().log()).contains("cifs/" + ALIAS + "@" + REALM);
    }

    @Test
    void ticketWithAPacRefusedByAStandaloneServer() throws IOException {
        try (SmbConnection c = SmbClient.connect(config(KerberosMode.REQUIRED), addr(), 445, WITH_PAC)) {
            assertThatThrownBy(() -> c.session(ALICE)).isInstanceOfSatisfying(SmbException.class,
                    e -> assertThat(e.statusName()).isEqualTo("NT_STATUS_BAD_TOKEN_TYPE"));
        }
        assertThat(ntlmsspSent()).isFalse();
    }

    @Test
    void wrongPasswordRequiredNamesThePreauthFailure() throws IOException {
        try (SmbConnection c = SmbClient.connect(config(KerberosMode.REQUIRED), addr(), 445, SERVER)) {
            assertThatThrownBy(() -> c.session(Credentials.of("", "alice", "wrong")))
                    .isInstanceOfSatisfying(KerberosAuthException.class,
                            e -> assertThat(e.kdcError()).isEqualTo(ErrorCode.PREAUTH_FAILED));
        }
        assertThat(sessionSetupsSent).isEmpty();
    }
}
