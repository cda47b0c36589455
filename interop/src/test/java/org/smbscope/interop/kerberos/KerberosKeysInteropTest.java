package org.smbscope.interop.kerberos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smbscope.client.ClientConfig;
import org.smbscope.client.Credentials;
import org.smbscope.client.Protection;
import org.smbscope.client.SmbClient;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbDialect;
import org.smbscope.client.SmbSession;
import org.smbscope.client.SmbTree;
import org.smbscope.client.auth.KerberosMode;
import org.smbscope.client.auth.KerberosSettings;
import org.smbscope.interop.fixture.KdcExtension;
import org.smbscope.interop.fixture.LoopbackAddresses;
import org.smbscope.interop.fixture.Samba;
import org.smbscope.interop.fixture.SambaConfig;

/**
 * The 32-byte Kerberos session key (aes256-cts acceptor subkey) keys signing and sealing the way
 * Samba does, for every SMB 3 cipher and for signing-only dialects 2.1 and 3.0.2: Session.SessionKey
 * is its first 16 bytes, the AES-256 cipher keys come from all 32.
 */
class KerberosKeysInteropTest {
    static final String REALM = "KEYS.TEST";
    static final String SERVER = "fileserver.keys.test";

    @RegisterExtension
    static final KdcExtension KDC = new KdcExtension(REALM, k -> k.addUser("alice", "Passw0rd!")
            .addService("cifs/" + SERVER), "keys.test");

    private static Samba samba(String cipher) {
        Path kt = KDC.kdc().dir().resolve("server.keytab");
        if (!Files.exists(kt)) {
            KDC.kdc().exportKeytab("server.keytab", "cifs/" + SERVER);
        }
        SambaConfig.Builder b = SambaConfig.builder().address(LoopbackAddresses.allocate())
                .global("realm = " + REALM).global("kerberos method = dedicated keytab")
                .global("dedicated keytab file = FILE:" + kt).global("server signing = mandatory");
        if (cipher != null) {
            b.global("server smb encrypt = required").global("server smb3 encryption algorithms = " + cipher);
        }
        return Samba.start(b.build());
    }

    private static ClientConfig.Builder config() {
        return ClientConfig.builder().kerberos(KerberosSettings.of(KerberosMode.REQUIRED)
                .withKrb5Conf(KDC.kdc().krb5Conf()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AES-128-CCM", "AES-128-GCM", "AES-256-CCM", "AES-256-GCM"})
    void sealedWithEveryCipher(String cipher) throws IOException {
        try (Samba s = samba(cipher)) {
            Files.writeString(s.shareDir("share").resolve("c.txt"), cipher);
            try (SmbConnection c = SmbClient.connect(config().encryption(Protection.REQUIRED).build(),
                    s.address().getHostAddress(), 445, SERVER);
                    SmbSession session = c.session(Credentials.of("", "alice", "Passw0rd!"));
                    SmbTree tree = session.tree("share")) {
                assertThat(c.negotiated().cipher()).isEqualTo(cipher);
                assertThat(session.mechanism()).startsWith("Kerberos");
                assertThat(session.encrypting()).isTrue();
                assertThat(tree.stat("c.txt").size()).isEqualTo(cipher.length());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMB2_10", "SMB3_02", "SMB3_11"})
    void signedWithEveryDialectFamily(String dialect) throws IOException {
        try (Samba s = samba(null)) {
            ClientConfig config = config().signing(Protection.REQUIRED).maxDialect(SmbDialect.valueOf(dialect)).build();
            try (SmbConnection c = SmbClient.connect(config, s.address().getHostAddress(), 445, SERVER);
                    SmbSession session = c.session(Credentials.of("", "alice", "Passw0rd!"));
                    SmbTree tree = session.tree("share")) {
                assertThat(c.negotiated().dialect()).isEqualTo(SmbDialect.valueOf(dialect));
                assertThat(session.signing()).isTrue();
                assertThat(session.mechanism()).startsWith("Kerberos");
                assertThat(tree).isNotNull();
            }
        }
    }
}
