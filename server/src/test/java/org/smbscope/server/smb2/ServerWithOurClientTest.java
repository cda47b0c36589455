package org.smbscope.server.smb2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smbscope.client.ClientConfig;
import org.smbscope.client.Credentials;
import org.smbscope.client.Protection;
import org.smbscope.client.ShareInfo;
import org.smbscope.client.SmbClient;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbDialect;
import org.smbscope.client.SmbException;
import org.smbscope.client.SmbSession;
import org.smbscope.client.SmbTree;

/** Our own client against our server: every dialect, signing, encryption, guest, anonymous, errors. */
class ServerWithOurClientTest {
    @TempDir
    Path tmp;

    private static ClientConfig client(SmbDialect d, Protection signing, Protection encryption) {
        return ClientConfig.builder().minDialect(d).maxDialect(d).signing(signing).encryption(encryption).build();
    }

    private static Credentials alice() {
        return Credentials.of("", TestServer.USER, TestServer.PASSWORD);
    }

    @ParameterizedTest
    @EnumSource(value = SmbDialect.class, names = "NT1", mode = EnumSource.Mode.EXCLUDE)
    void listsSharesWithEveryDialectSigned(SmbDialect d) throws Exception {
        try (TestServer s = TestServer.start(tmp, d == SmbDialect.NT1 ? "server min protocol = NT1" : "");
                SmbConnection c = SmbClient.connect(client(d, Protection.REQUIRED, Protection.IF_REQUIRED), "127.0.0.1",
                        s.port())) {
            assertThat(c.negotiated().dialect()).isEqualTo(d);
            try (SmbSession session = c.session(alice())) {
                assertThat(session.signing()).isTrue();
                List<ShareInfo> shares = session.listShares();
                assertThat(shares).extracting(ShareInfo::name).containsExactly("share", "IPC$");
                try (SmbTree t = session.tree("share")) {
                    t.echo();
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = SmbDialect.class, names = {"SMB3_00", "SMB3_02", "SMB3_11"})
    void encryptsWhenTheClientRequiresIt(SmbDialect d) throws Exception {
        try (TestServer s = TestServer.start(tmp, "");
                SmbConnection c = SmbClient.connect(client(d, Protection.IF_REQUIRED, Protection.REQUIRED), "127.0.0.1",
                        s.port());
                SmbSession session = c.session(alice())) {
            assertThat(session.encrypting()).isTrue();
            assertThat(session.listShares()).hasSize(2);
        }
    }

    @Test
    void serverRequiredEncryptionMarksTheSession() throws Exception {
        try (TestServer s = TestServer.start(tmp, "server smb encrypt = required");
                SmbConnection c = SmbClient.connect(client(SmbDialect.SMB3_11, Protection.IF_REQUIRED,
                        Protection.IF_REQUIRED), "127.0.0.1", s.port());
                SmbSession session = c.session(alice())) {
            assertThat(session.encrypting()).isTrue();
            assertThat(session.listShares()).hasSize(2);
        }
    }

    /** The ENCRYPT_DATA flags of the TREE_CONNECT responses a client saw. */
    private static List<Boolean> treeEncryptFlags(List<Object> seen) {
        List<Boolean> flags = new java.util.ArrayList<>();
        for (Object o : seen) {
            collect(o, flags);
        }
        return flags;
    }

    private static void collect(Object o, List<Boolean> flags) {
        if (o instanceof org.smbscope.codec.smb2.Smb2Packet p
                && p.message() instanceof org.smbscope.codec.smb2.TreeConnectResponse r) {
            flags.add(r.shareFlags().has(org.smbscope.codec.smb2.ShareFlags.ENCRYPT_DATA));
        } else if (o instanceof java.util.Collection<?> c) {
            for (Object x : c) {
                collect(x, flags);
            }
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"SMB2_10, false", "SMB3_00, true", "SMB3_11, true"})
    void shareDesiringEncryptionEncryptsOnlyClientsThatCan(SmbDialect d, boolean encrypted) throws Exception {
        List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ClientConfig cc = ClientConfig.builder().minDialect(d).maxDialect(d).signing(Protection.IF_REQUIRED)
                .encryption(Protection.IF_REQUIRED).wireTap((dir, at, frame, decoded) -> seen.add(decoded)).build();
        try (TestServer s = TestServer.start(tmp, "", "smb encrypt = desired", ShareHandlers.unsupported());
                SmbConnection c = SmbClient.connect(cc, "127.0.0.1", s.port());
                SmbSession session = c.session(alice());
                SmbTree t = session.tree("share")) {
            t.echo();
            assertThat(treeEncryptFlags(seen)).containsExactly(encrypted);
        }
    }

    @Test
    void ifRequiredLeavesEncryptionToTheClient() throws Exception {
        List<Object> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        ClientConfig cc = ClientConfig.builder().minDialect(SmbDialect.SMB3_11).maxDialect(SmbDialect.SMB3_11)
                .signing(Protection.IF_REQUIRED).encryption(Protection.IF_REQUIRED)
                .wireTap((dir, at, frame, decoded) -> seen.add(decoded)).build();
        try (TestServer s = TestServer.start(tmp, "server smb encrypt = if_required", "smb encrypt = if_required",
                ShareHandlers.unsupported());
                SmbConnection c = SmbClient.connect(cc, "127.0.0.1", s.port());
                SmbSession session = c.session(alice());
                SmbTree t = session.tree("share")) {
            t.echo();
            assertThat(treeEncryptFlags(seen)).containsExactly(false);
        }
    }

    @Test
    void shareRequiringEncryptionRefusesSmb2() throws Exception {
        try (TestServer s = TestServer.start(tmp, "", "smb encrypt = required", ShareHandlers.unsupported());
                SmbConnection c = SmbClient.connect(client(SmbDialect.SMB2_10, Protection.IF_REQUIRED,
                        Protection.IF_REQUIRED), "127.0.0.1", s.port());
                SmbSession session = c.session(alice())) {
            assertThatThrownBy(() -> session.tree("share")).isInstanceOf(SmbException.class)
                    .hasMessageContaining("ACCESS_DENIED");
        }
    }

    @Test
    void shareRequiringEncryptionWorksEncryptedWithSmb3() throws Exception {
        try (TestServer s = TestServer.start(tmp, "", "smb encrypt = required", ShareHandlers.unsupported());
                SmbConnection c = SmbClient.connect(client(SmbDialect.SMB3_11, Protection.IF_REQUIRED,
                        Protection.IF_REQUIRED), "127.0.0.1", s.port());
                SmbSession session = c.session(alice());
                SmbTree t = session.tree("share")) {
            t.echo();
            assertThat(session.encrypting()).isTrue();
        }
    }

    @Test
    void wrongPasswordIsLogonFailure() throws Exception {
        try (TestServer s = TestServer.start(tmp, "");
                SmbConnection c = SmbClient.connect(client(SmbDialect.SMB3_11, Protection.IF_REQUIRED,
                        Protection.IF_REQUIRED), "127.0.0.1", s.port())) {
            assertThatThrownBy(() -> c.session(Credentials.of("", TestServer.USER, "wrong")))
                    .isInstanceOf(SmbException.class).hasMessageContaining("LOGON_FAILURE");
        }
    }

    @Test
    void unknownUserBecomesGuestWithMapToGuestBadUser() throws Exception {
        try (TestServer s = TestServer.start(tmp, "map to guest = bad user", "guest ok = yes", ShareHandlers.unsupported());
                SmbConnection c = SmbClient.connect(client(SmbDialect.SMB3_11, Protection.IF_REQUIRED,
                        Protection.IF_REQUIRED), "127.0.0.1", s.port());
                SmbSession session = c.session(Credentials.of("", "nobody-here", "x"))) {
            assertThat(session.isGuest()).isTrue();
            try (SmbTree t = session.tree("share")) {
                t.echo();
            }
            assertThatThrownBy(() -> session.tree("hidden")).hasMessageContaining("ACCESS_DENIED");
        }
    }

    @Test
    void anonymousListsShares() throws Exception {
        try (TestServer s = TestServer.start(tmp, "");
                SmbConnection c = SmbClient.connect(client(SmbDialect.SMB3_11, Protection.IF_REQUIRED,
                        Protection.IF_REQUIRED), "127.0.0.1", s.port());
                SmbSession session = c.session(Credentials.anonymous())) {
            assertThat(session.isAnonymous()).isTrue();
            assertThat(session.listShares()).extracting(ShareInfo::name).contains("share");
        }
    }

    @Test
    void unknownShareIsBadNetworkName() throws Exception {
        try (TestServer s = TestServer.start(tmp, "");
                SmbConnection c = SmbClient.connect(client(SmbDialect.SMB2_02, Protection.IF_REQUIRED,
                        Protection.IF_REQUIRED), "127.0.0.1", s.port());
                SmbSession session = c.session(alice())) {
            assertThatThrownBy(() -> session.tree("nope")).hasMessageContaining("BAD_NETWORK_NAME");
        }
    }

    @Test
    void mandatorySigningIsAdvertisedAndUsed() throws Exception {
        try (TestServer s = TestServer.start(tmp, "server signing = mandatory");
                SmbConnection c = SmbClient.connect(client(SmbDialect.SMB3_02, Protection.IF_REQUIRED,
                        Protection.IF_REQUIRED), "127.0.0.1", s.port());
                SmbSession session = c.session(alice())) {
            assertThat(c.negotiated().signingRequired()).isTrue();
            assertThat(session.signing()).isTrue();
            assertThat(session.listShares()).hasSize(2);
        }
    }

    @Test
    void manyConnectionsAtOnce() throws Exception {
        try (TestServer s = TestServer.start(tmp, "")) {
            List<Thread> threads = new java.util.ArrayList<>();
            java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
            for (int i = 0; i < 32; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try (SmbConnection c = SmbClient.connect(client(SmbDialect.SMB3_11, Protection.DESIRED,
                            Protection.DESIRED), "127.0.0.1", s.port());
                            SmbSession session = c.session(alice())) {
                        if (session.listShares().size() == 2) {
                            ok.incrementAndGet();
                        }
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }));
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(ok.get()).isEqualTo(32);
        }
    }

    @Test
    void garbageOnOneConnectionLeavesAnotherWorking() throws Exception {
        try (TestServer s = TestServer.start(tmp, "");
                SmbConnection c = SmbClient.connect(client(SmbDialect.SMB3_11, Protection.DESIRED, Protection.DESIRED),
                        "127.0.0.1", s.port());
                SmbSession session = c.session(alice())) {
            for (byte[] junk : List.of(new byte[] {0, 0, 0, 4, 1, 2, 3, 4}, new byte[] {0, 0, 0, 70, (byte) 0xFE, 'S', 'M',
                    'B'}, new byte[] {0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0}, new byte[] {(byte) 0x85, 0, 0, 0})) {
                try (java.net.Socket bad = new java.net.Socket("127.0.0.1", s.port())) {
                    bad.setSoTimeout(5000);
                    bad.getOutputStream().write(junk);
                    bad.shutdownOutput();
                    assertThat(bad.getInputStream().read()).isEqualTo(-1);
                }
                assertThat(session.listShares()).hasSize(2);
            }
        }
    }

    @Test
    void idleConnectionIsClosedAndConnectionLimitHolds() throws Exception {
        java.nio.file.Path share = java.nio.file.Files.createDirectories(tmp.resolve("s"));
        var config = org.smbscope.server.config.SmbConfParser.parse("[global]\ninterfaces = 127.0.0.1\nmax connections = 1\n"
                + "[s]\npath = " + share + "\n", tmp);
        config = new org.smbscope.server.config.ServerConfig(config.netbiosName(), config.workgroup(), config.interfaces(),
                true, List.of(0), config.minProtocol(), config.maxProtocol(), config.signing(), config.encrypt(),
                config.ntlmAuth(), config.lanmanAuth(), config.mapToGuest(), config.guestAccount(), config.maxConnections(),
                null, config.shares(), List.of());
        ServerLimits limits = new ServerLimits(ServerLimits.DEFAULTS.maxFrameSize(), ServerLimits.DEFAULTS.maxReadSize(),
                ServerLimits.DEFAULTS.maxWriteSize(), ServerLimits.DEFAULTS.maxTransactSize(), 64, 512, 256, 16, 1024, java.time.Duration.ofMillis(300));
        try (SmbServer server = SmbServer.start(config, limits, java.time.Clock.systemUTC(), new java.util.Random(1),
                ShareHandlers.unsupported())) {
            int port = server.addresses().get(0).getPort();
            try (java.net.Socket first = new java.net.Socket("127.0.0.1", port);
                    java.net.Socket second = new java.net.Socket("127.0.0.1", port)) {
                second.setSoTimeout(5000);
                assertThat(second.getInputStream().read()).as("over the limit").isEqualTo(-1);
                first.setSoTimeout(5000);
                long t0 = System.nanoTime();
                assertThat(first.getInputStream().read()).as("idle").isEqualTo(-1);
                assertThat(System.nanoTime() - t0).isLessThan(4_000_000_000L);
            }
        }
    }

    @Test
    void ntlmv1OnlyWhenNtlmAuthPermitsIt() throws Exception {
        ClientConfig v1 = ClientConfig.builder().minDialect(SmbDialect.SMB3_11).maxDialect(SmbDialect.SMB3_11)
                .lmCompatibilityLevel(1).build();
        try (TestServer s = TestServer.start(tmp.resolve("a"), "");
                SmbConnection c = SmbClient.connect(v1, "127.0.0.1", s.port())) {
            assertThatThrownBy(() -> c.session(alice())).hasMessageContaining("LOGON_FAILURE");
        }
        try (TestServer s = TestServer.start(tmp.resolve("b"), "ntlm auth = ntlmv1-permitted");
                SmbConnection c = SmbClient.connect(v1, "127.0.0.1", s.port());
                SmbSession session = c.session(alice())) {
            assertThat(session.listShares()).hasSize(2);
        }
    }
}
