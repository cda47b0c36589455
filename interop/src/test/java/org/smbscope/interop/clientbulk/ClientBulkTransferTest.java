package org.smbscope.interop.clientbulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smbscope.client.ClientConfig;
import org.smbscope.client.Credentials;
import org.smbscope.client.Protection;
import org.smbscope.client.SmbClient;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbSession;
import org.smbscope.client.SmbTree;
import org.smbscope.interop.fixture.LoopbackAddresses;
import org.smbscope.interop.fixture.Samba;
import org.smbscope.interop.fixture.SambaConfig;

/**
 * Our client's bulk paths against Samba, byte for byte: upload from a local file (direct buffers
 * on an unprotected session, the stream path when signing or sealing), upload from a stream
 * (reused WRITE messages), download (pooled receive buffers), over several requests in flight
 * and a short last one, for each protection.
 */
class ClientBulkTransferTest {
    private static final int SIZE = 5 * 1024 * 1024 + 12345;

    @TempDir
    Path local;

    @ParameterizedTest
    @ValueSource(strings = {"plain", "signed", "sealed"})
    void uploadsAndDownloadsAreByteIdentical(String protection) throws IOException {
        try (Samba s = Samba.start(SambaConfig.builder().address(LoopbackAddresses.allocate()).build())) {
            byte[] data = new byte[SIZE];
            new Random(protection.hashCode()).nextBytes(data);
            Path file = local.resolve("in.bin");
            Files.write(file, data);
            ClientConfig.Builder b = ClientConfig.builder().maxIoSize(256 * 1024).maxInFlight(4);
            switch (protection) {
                case "plain" -> b.signing(Protection.OFF).encryption(Protection.OFF);
                case "signed" -> b.signing(Protection.REQUIRED).encryption(Protection.OFF);
                default -> b.encryption(Protection.REQUIRED);
            }
            try (SmbConnection c = SmbClient.connect(b.build(), s.address().getHostAddress(), 445);
                    SmbSession session = c.session(Credentials.of("", "alice", "Passw0rd!"));
                    SmbTree tree = session.tree("share")) {
                assertThat(session.signing() || session.encrypting()).isEqualTo(!protection.equals("plain"));
                assertThat(tree.upload("from-file.bin", file, n -> { })).isEqualTo(SIZE);
                assertThat(Files.readAllBytes(s.shareDir("share").resolve("from-file.bin"))).isEqualTo(data);
                try (var in = Files.newInputStream(file)) {
                    assertThat(tree.upload("from-stream.bin", in, n -> { })).isEqualTo(SIZE);
                }
                assertThat(Files.readAllBytes(s.shareDir("share").resolve("from-stream.bin"))).isEqualTo(data);
                for (int i = 0; i < 2; i++) { // the second one reuses the pooled buffers
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    assertThat(tree.download("from-file.bin", out, n -> { })).isEqualTo(SIZE);
                    assertThat(out.toByteArray()).isEqualTo(data);
                }
            }
        }
    }
}
