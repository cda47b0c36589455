package org.smbscope.interop.smb1server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smbscope.client.ClientConfig;
import org.smbscope.client.Credentials;
import org.smbscope.client.FileEntry;
import org.smbscope.client.ShareInfo;
import org.smbscope.client.SmbClient;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbDialect;
import org.smbscope.client.SmbSession;
import org.smbscope.client.SmbTree;
import org.smbscope.interop.fixture.Peers;

/**
 * Our SMB1 client (client.smb1) against our NT1 server with signing mandatory and NTLMv2 only: extended and
 * non-extended session setup over 445 and 139, put/get hash-identical, directory operations, share and server
 * lists, NTLMv1 refused, and the multi-protocol negotiate landing on SMB 3.1.1.
 */
class OurClientNt1Test {
    @TempDir
    static Path dir;
    static Nt1Server server;
    private static final Credentials ALICE = Credentials.of("", "alice", "Passw0rd!");

    @BeforeAll
    static void start() throws Exception {
        Peers.requireRoot();
        server = Nt1Server.start(dir, "server signing = mandatory\nntlm auth = ntlmv2-only\n");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    static ClientConfig config(boolean extended, int lmLevel) {
        return ClientConfig.builder().minDialect(SmbDialect.NT1).maxDialect(SmbDialect.NT1)
                .smb1ExtendedSecurity(extended).lmCompatibilityLevel(lmLevel).build();
    }

    static SmbConnection connect(ClientConfig c, int port) throws IOException {
        return SmbClient.connect(c, server.address.getHostAddress(), port, "OLDHOST");
    }

    @ParameterizedTest(name = "extended={0} port={1} size={2}")
    @CsvSource({"true, 445, 0", "true, 139, 1", "false, 445, 1048577", "false, 139, 4194304", "true, 445, 16777216"})
    void putAndGetAreHashIdentical(boolean extended, int port, int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size + port).nextBytes(data);
        String name = "ours-" + extended + port + "-" + size + ".bin";
        try (SmbConnection c = connect(config(extended, 3), port); SmbSession s = c.session(ALICE);
                SmbTree t = s.tree("share")) {
            assertThat(c.negotiated().dialect()).isEqualTo(SmbDialect.NT1);
            assertThat(s.signing()).isTrue();
            assertThat(t.upload(name, new ByteArrayInputStream(data), n -> { })).isEqualTo(size);
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            assertThat(t.download(name, back, n -> { })).isEqualTo(size);
            assertThat(sha256(back.toByteArray())).isEqualTo(sha256(data));
            assertThat(sha256(Files.readAllBytes(server.share.resolve(name)))).isEqualTo(sha256(data));
            assertThat(t.stat(name).size()).isEqualTo(size);
        }
    }

    @Test
    void directoryOperations() throws Exception {
        try (SmbConnection c = connect(config(true, 3), 445); SmbSession s = c.session(ALICE); SmbTree t = s.tree("share")) {
            t.mkdir("d1");
            t.upload("d1\\a.txt", new ByteArrayInputStream("hello".getBytes()), n -> { });
            t.rename("d1\\a.txt", "d1\\b.txt");
            List<FileEntry> entries = t.list("d1", "*");
            assertThat(entries).extracting(FileEntry::name).contains(".", "..", "b.txt").doesNotContain("a.txt");
            assertThat(t.stat("d1").isDirectory()).isTrue();
            t.echo();
            assertThat(t.fsSize().blockSize()).isPositive();
            t.delete("d1\\b.txt");
            t.rmdir("d1");
            assertThatThrownBy(() -> t.stat("d1")).hasMessageContaining("NT_STATUS_OBJECT_NAME_NOT_FOUND");
        }
    }

    @Test
    void manyEntriesNeedFindNext() throws Exception {
        Path many = Files.createDirectories(server.share.resolve("many"));
        for (int i = 0; i < 1500; i++) {
            Files.write(many.resolve("file-with-a-longish-name-" + i), new byte[0]);
        }
        try (SmbConnection c = connect(config(true, 3), 445); SmbSession s = c.session(ALICE); SmbTree t = s.tree("share")) {
            assertThat(t.list("many", "*")).hasSize(1502);
        }
    }

    @Test
    void shareAndServerLists() throws Exception {
        try (SmbConnection c = connect(config(true, 3), 445); SmbSession s = c.session(ALICE)) {
            assertThat(s.listShares()).extracting(ShareInfo::name).contains("share", "IPC$");
            assertThat(s.serverInfo().name()).isEqualTo("OLDHOST");
            assertThat(s.serverList(0xFFFFFFFFL, "OLDWG")).extracting(e -> e.name()).contains("OLDHOST");
        }
    }

    @Test
    void ntlmv1IsRefused() throws Exception {
        for (boolean extended : new boolean[] {true, false}) {
            try (SmbConnection c = connect(config(extended, 1), 445)) {
                assertThatThrownBy(() -> c.session(ALICE)).as("extended=" + extended)
                        .hasMessageContaining("NT_STATUS_LOGON_FAILURE");
            }
        }
    }

    @Test
    void multiProtocolNegotiateLandsOnSmb311() throws Exception {
        ClientConfig cfg = ClientConfig.builder().minDialect(SmbDialect.NT1).maxDialect(SmbDialect.SMB3_11).build();
        try (SmbConnection c = SmbClient.connect(cfg, server.address.getHostAddress(), 445, "OLDHOST")) {
            assertThat(c.multiProtocol().orElseThrow().chosen()).isEqualTo("SMB 2.???");
            assertThat(c.negotiated().dialect()).isEqualTo(SmbDialect.SMB3_11);
        }
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
