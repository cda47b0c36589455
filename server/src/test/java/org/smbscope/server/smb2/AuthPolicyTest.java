package org.smbscope.server.smb2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smbscope.client.ClientConfig;
import org.smbscope.client.Credentials;
import org.smbscope.client.Protection;
import org.smbscope.client.SmbClient;
import org.smbscope.client.SmbConnection;
import org.smbscope.client.SmbDialect;
import org.smbscope.client.SmbException;
import org.smbscope.client.SmbSession;
import org.smbscope.codec.asn1.Oid;
import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.smb2.Capabilities;
import org.smbscope.codec.smb2.NegotiateRequest;
import org.smbscope.codec.smb2.SecurityMode;
import org.smbscope.codec.smb2.Smb2Dialect;
import org.smbscope.codec.spnego.NegTokenInit;
import org.smbscope.codec.spnego.SpnegoToken;
import org.smbscope.server.auth.AccountFlag;
import org.smbscope.server.auth.PasswordHashes;
import org.smbscope.server.auth.SmbPasswdEntry;
import org.smbscope.server.auth.SmbPasswdFile;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SmbConfParser;

/**
 * The server's authentication policy: the NEGOTIATE hint offers Kerberos only with a usable keytab; our names for
 * SPN validation; NTLM session setup refused with STATUS_ACCESS_DENIED when the NTLMv2 target name is not ours
 * (validation required, client connecting by IP address), accepted by name. (Kerberos itself: interop
 * OurServerKerberosTest, with a real KDC.)
 */
class AuthPolicyTest {
    @TempDir
    Path tmp;

    private ServerConfig config(String globals) throws Exception {
        Path passdb = tmp.resolve("smbpasswd");
        SmbPasswdFile.empty().with(new SmbPasswdEntry("alice", 1000, PasswordHashes.lm("Passw0rd!"),
                PasswordHashes.nt("Passw0rd!"), EnumSet.of(AccountFlag.USER), 0)).write(passdb);
        Path share = Files.createDirectories(tmp.resolve("share"));
        ServerConfig c = SmbConfParser.parse("""
                [global]
                netbios name = FS
                interfaces = 127.0.0.1
                passdb backend = smbpasswd:%s
                %s
                [share]
                path = %s
                """.formatted(passdb, globals, share), tmp);
        return new ServerConfig(c.netbiosName(), c.workgroup(), c.interfaces(), true, List.of(0), c.minProtocol(),
                c.maxProtocol(), c.signing(), c.encrypt(), c.ntlmAuth(), c.lanmanAuth(), c.mapToGuest(), c.guestAccount(),
                c.maxConnections(), c.passdbPath(), c.shares(), c.warnings(), c.kerberos(), c.netbios(), c.spnValidation());
    }

    private static List<Oid> hint(NegotiateHandler h) throws Exception {
        NegotiateRequest req = new NegotiateRequest(SecurityMode.SIGNING_ENABLED, Capabilities.NONE, Guid.ZERO,
                List.of(new Smb2Dialect(0x0210)), List.of());
        return ((NegTokenInit) SpnegoToken.decode(h.handle(req).response().securityBuffer())).mechTypes();
    }

    @Test
    void negotiateHintOffersKerberosOnlyWhenConfigured() throws Exception {
        ServerConfig c = config("");
        Instant t = Instant.parse("2026-11-21T00:00:00Z");
        Clock clock = Clock.fixed(t, ZoneOffset.UTC);
        assertThat(hint(new NegotiateHandler(c, ServerLimits.DEFAULTS, Guid.ZERO, t, clock, new Random(1))))
                .containsExactly(Oid.NTLMSSP);
        assertThat(hint(new NegotiateHandler(c, ServerLimits.DEFAULTS, Guid.ZERO, t, clock, new Random(1), true)))
                .containsExactly(Oid.MS_KERBEROS, Oid.KERBEROS, Oid.NTLMSSP);
    }

    @Test
    void unusableKeytabLeavesKerberosOffAndOurNamesIncludeTheDnsHostname() throws Exception {
        AuthPolicy p = AuthPolicy.of(config("""
                realm = lab.test
                kerberos method = dedicated keytab
                dedicated keytab file = %s
                netbios aliases = FILES
                server spn target name validation = required
                """.formatted(tmp.resolve("missing.keytab"))));
        assertThat(p.kerberos()).isNull();
        assertThat(p.spn().names()).containsExactly("files", "fs", "fs.lab.test");
        assertThat(AuthPolicy.of(config("")).kerberos()).isNull();
        assertThat(AuthPolicy.dnsNames(config(""))).isEmpty();
    }

    private static ClientConfig client() {
        return ClientConfig.builder().minDialect(SmbDialect.SMB3_11).maxDialect(SmbDialect.SMB3_11)
                .signing(Protection.IF_REQUIRED).encryption(Protection.IF_REQUIRED).build();
    }

    @Test
    void spnValidationRequiredRefusesAnAddressAcceptsOurName() throws Exception {
        ServerConfig c = config("server spn target name validation = required\nnetbios aliases = localhost");
        try (SmbServer s = SmbServer.start(c, ServerLimits.DEFAULTS, Clock.systemUTC(), new Random(3))) {
            int port = s.addresses().get(0).getPort();
            try (SmbConnection conn = SmbClient.connect(client(), "127.0.0.1", port)) {
                assertThatThrownBy(() -> conn.session(Credentials.of("", "alice", "Passw0rd!")))
                        .isInstanceOf(SmbException.class).hasMessageContaining("ACCESS_DENIED");
            }
            try (SmbConnection conn = SmbClient.connect(client(), "localhost", port);
                    SmbSession session = conn.session(Credentials.of("", "alice", "Passw0rd!"))) {
                assertThat(session.listShares()).isNotEmpty();
            }
        }
    }

    @Test
    void spnValidationOffAcceptsAnAddress() throws Exception {
        try (SmbServer s = SmbServer.start(config(""), ServerLimits.DEFAULTS, Clock.systemUTC(), new Random(3));
                SmbConnection conn = SmbClient.connect(client(), "127.0.0.1", s.addresses().get(0).getPort());
                SmbSession session = conn.session(Credentials.of("", "alice", "Passw0rd!"))) {
            assertThat(session.listShares()).isNotEmpty();
        }
    }
}
