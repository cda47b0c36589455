package org.smbscope.interop.smb2;

import org.smbscope.interop.fixture.Smbscope;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.io.TempDir;
import org.smbscope.client.ClientConfig;
import org.smbscope.client.Credentials;
import org.smbscope.client.Protection;
import org.smbscope.client.SmbClient;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbSession;
import org.smbscope.client.SmbTree;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smbscope.interop.fixture.LoopbackAddresses;
import org.smbscope.interop.fixture.Samba;
import org.smbscope.interop.fixture.SambaConfig;

/** {@code server smb encrypt = required} with each SMB3 cipher Samba 4.17 offers. */
class EncryptionTest {
    @TempDir
    Path local;

    @ParameterizedTest
    @ValueSource(strings = {"AES-128-CCM", "AES-128-GCM", "AES-256-CCM", "AES-256-GCM"})
    void transferOverAnEncryptedShare(String cipher) throws IOException {
        try (Samba s = Samba.start(SambaConfig.builder().address(LoopbackAddresses.allocate())
                .global("server smb encrypt = required").global("server smb3 encryption algorithms = " + cipher).build())) {
            byte[] data = new byte[300_000];
            new Random(7).nextBytes(data);
            Files.write(local.resolve("x.bin"), data);
            Smbscope.Result r = Smbscope.smbclient(s, "share", "lcd " + local + "; put x.bin; get x.bin y.bin; ls", "--trace");
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(Files.readAllBytes(local.resolve("y.bin"))).isEqualTo(data);
            assertThat(Files.readAllBytes(s.shareDir("share").resolve("x.bin"))).isEqualTo(data);
            ClientConfig config = ClientConfig.builder().encryption(Protection.REQUIRED).build();
            try (SmbConnection c = SmbClient.connect(config, s.address().getHostAddress(), 445);
                    SmbSession session = c.session(Credentials.of("", "alice", "Passw0rd!"))) {
                assertThat(c.negotiated().cipher()).isEqualTo(cipher);
                assertThat(session.encrypting()).isTrue();
                try (SmbTree tree = session.tree("share")) {
                    assertThat(tree.stat("x.bin").size()).isEqualTo(data.length);
                }
            }
        }
    }
}
