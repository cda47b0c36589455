package org.smbscope.server.smb2;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import org.smbscope.server.auth.PasswordHashes;
import org.smbscope.server.auth.SmbPasswdEntry;
import org.smbscope.server.auth.SmbPasswdFile;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SmbConfParser;

/** A server on 127.0.0.1 and an ephemeral port, with a share "share" in a temp dir and the user alice / Passw0rd!. */
final class TestServer implements AutoCloseable {
    static final String USER = "alice";
    static final String PASSWORD = "Passw0rd!";

    final SmbServer server;
    final Path dir;
    final ServerConfig config;

    private TestServer(SmbServer server, Path dir, ServerConfig config) {
        this.server = server;
        this.dir = dir;
        this.config = config;
    }

    /** {@code globals} and {@code shareOptions} are smb.conf lines added to [global] and [share]. */
    static TestServer start(Path tmp, String globals, String shareOptions, TreeHandlerFactory disks) throws IOException {
        Path share = Files.createDirectories(tmp.resolve("share"));
        Path passdb = tmp.resolve("smbpasswd");
        SmbPasswdFile.empty().with(new SmbPasswdEntry(USER, 1000, PasswordHashes.lm(PASSWORD), PasswordHashes.nt(PASSWORD),
                java.util.EnumSet.of(org.smbscope.server.auth.AccountFlag.USER), 0)).write(passdb);
        String text = """
                [global]
                interfaces = 127.0.0.1
                passdb backend = smbpasswd:%s
                %s
                [share]
                path = %s
                read only = no
                %s
                [hidden]
                path = %s
                browseable = no
                """.formatted(passdb, globals, share, shareOptions, share);
        ServerConfig c = SmbConfParser.parse(text, tmp);
        c = new ServerConfig(c.netbiosName(), c.workgroup(), c.interfaces(), true, List.of(0), c.minProtocol(),
                c.maxProtocol(), c.signing(), c.encrypt(), c.ntlmAuth(), c.lanmanAuth(), c.mapToGuest(), c.guestAccount(),
                c.maxConnections(), c.passdbPath(), c.shares(), c.warnings(), org.smbscope.server.config.KerberosServerConfig.none(),
                org.smbscope.server.config.NetbiosSettings.DEFAULT, org.smbscope.server.config.SpnValidationLevel.OFF, c.ioSizes());
        SmbServer s = SmbServer.start(c, ServerLimits.DEFAULTS, Clock.systemUTC(), new Random(11), disks);
        return new TestServer(s, share, c);
    }

    static TestServer start(Path tmp, String globals) throws IOException {
        return start(tmp, globals, "", ShareHandlers.disk(Clock.systemUTC()));
    }

    int port() {
        return server.addresses().get(0).getPort();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
