package org.smbscope.interop.smb1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smbscope.client.ClientConfig;
import org.smbscope.client.Credentials;
import org.smbscope.client.FileEntry;
import org.smbscope.client.Protection;
import org.smbscope.client.ShareInfo;
import org.smbscope.client.SmbClient;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbDialect;
import org.smbscope.client.SmbSession;
import org.smbscope.client.SmbTree;
import org.smbscope.interop.fixture.Samba;
import org.smbscope.interop.fixture.SambaExtension;

/**
 * The SMB1 client API against Samba with {@code server min protocol = NT1} and signing mandatory:
 * extended and NT LM 0.12 session setup, over 445 and 139, put/get hash-identical, directory
 * operations, share list.
 */
class Smb1ClientTest {
    @RegisterExtension
    static final SambaExtension SAMBA = new SambaExtension(b -> b.global("server min protocol = NT1")
            .global("ntlm auth = yes").global("lanman auth = yes").global("raw NTLMv2 auth = yes")
            .global("server signing = mandatory"));

    private static final Credentials ALICE = Credentials.of("", "alice", "Passw0rd!");

    static ClientConfig config(boolean extended, int lmLevel) {
        return ClientConfig.builder().minDialect(SmbDialect.NT1).maxDialect(SmbDialect.NT1)
                .smb1ExtendedSecurity(extended).lmCompatibilityLevel(lmLevel).build();
    }

    static SmbConnection connect(ClientConfig c, int port) throws IOException {
        Samba s = SAMBA.samba();
        return SmbClient.connect(c, s.address().getHostAddress(), port, s.netbiosName());
    }

    @ParameterizedTest(name = "extended={0} lm={1} port={2} size={3}")
    @CsvSource({"true, 3, 445, 0", "true, 3, 139, 1", "false, 3, 445, 1048577", "false, 1, 139, 1048577",
            "false, 0, 445, 16777216", "true, 3, 445, 16777216", "true, 3, 139, 1048577", "false, 2, 139, 16777216"})
    void putAndGetAreHashIdentical(boolean extended, int lm, int port, int size) throws Exception {
        byte[] data = new byte[size];
        new Random(size + port).nextBytes(data);
        String name = "smb1-" + extended + lm + port + "-" + size + ".bin";
        try (SmbConnection c = connect(config(extended, lm), port); SmbSession s = c.session(ALICE);
                SmbTree t = s.tree("share")) {
            assertThat(c.negotiated().dialect()).isEqualTo(SmbDialect.NT1);
            // Samba signs extended-security sessions; it leaves NT LM 0.12 (non-extended) sessions unsigned
            // even with 'server signing = mandatory' (so does its own smbclient)
            assertThat(s.signing()).isEqualTo(extended);
            assertThat(t.upload(name, new ByteArrayInputStream(data), n -> { })).isEqualTo(size);
            ByteArrayOutputStream back = new ByteArrayOutputStream();
            assertThat(t.download(name, back, n -> { })).isEqualTo(size);
            assertThat(sha256(back.toByteArray())).isEqualTo(sha256(data));
            assertThat(sha256(Files.readAllBytes(SAMBA.samba().shareDir("share").resolve(name)))).isEqualTo(sha256(data));
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
        try (SmbConnection c = connect(config(true, 3), 445); SmbSession s = c.session(ALICE); SmbTree t = s.tree("share")) {
            t.mkdir("many");
            for (int i = 0; i < 1500; i++) {
                Files.write(SAMBA.samba().shareDir("share").resolve("many").resolve("file-with-a-longish-name-" + i), new byte[0]);
            }
            assertThat(t.list("many", "*")).hasSize(1502);
        }
    }

    @Test
    void shareListOverSrvsvcAndRap() throws Exception {
        try (SmbConnection c = connect(config(true, 3), 445); SmbSession s = c.session(ALICE)) {
            assertThat(s.listShares()).extracting(ShareInfo::name).contains("share", "guest", "IPC$");
        }
    }

    @Test
    void guestAndAnonymousSessions() throws Exception {
        for (boolean extended : new boolean[] {true, false}) {
            try (SmbConnection c = connect(config(extended, 3), 445);
                    SmbSession guest = c.session(Credentials.of("", "nosuchuser", "whatever"));
                    SmbTree t = guest.tree("guest")) {
                assertThat(guest.isGuest()).as("extended=" + extended).isTrue();
                assertThat(guest.signing()).isFalse();
                t.upload("from-guest-" + extended + ".txt", new ByteArrayInputStream("g".getBytes()), n -> { });
            }
            try (SmbConnection c = connect(config(extended, 3), 445); SmbSession anon = c.session(Credentials.anonymous())) {
                assertThat(anon.isAnonymous()).isTrue();
                assertThat(anon.listShares()).extracting(ShareInfo::name).contains("share", "IPC$");
            }
        }
    }

    @Test
    void clientSigningOffIsRefusedWhenTheServerRequiresIt() throws Exception {
        ClientConfig c = config(true, 3).toBuilder().signing(Protection.OFF).build();
        try (SmbConnection conn = connect(c, 445)) {
            assertThatThrownBy(() -> conn.session(ALICE)).hasMessageContaining("requires signing");
        }
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
