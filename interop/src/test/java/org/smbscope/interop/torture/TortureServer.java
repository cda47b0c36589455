package org.smbscope.interop.torture;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumSet;
import org.smbscope.interop.fixture.LoopbackAddresses;
import org.smbscope.server.auth.AccountFlag;
import org.smbscope.server.auth.PasswordHashes;
import org.smbscope.server.auth.SmbPasswdEntry;
import org.smbscope.server.auth.SmbPasswdFile;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SmbConfParser;
import org.smbscope.server.fs.DiskTreeHandler;
import org.smbscope.server.fs.OpenFiles;
import org.smbscope.server.share.ShareRoot;
import org.smbscope.server.smb2.ServerLimits;
import org.smbscope.server.smb2.SmbServer;

/**
 * Our SMB server in-process on a fresh loopback address, port 445, with one read-write disk share
 * {@code torture} over a temp directory (one {@link OpenFiles} for all trees, as in production) and user
 * alice / Passw0rd!: the target of {@link SmbtortureRegressionTest}.
 */
final class TortureServer implements AutoCloseable {
    static final String CREDS = "alice%Passw0rd!";

    final InetAddress address;
    final Path share;
    private final SmbServer server;

    private TortureServer(InetAddress address, Path share, SmbServer server) {
        this.address = address;
        this.share = share;
        this.server = server;
    }

    static TortureServer start(Path dir) throws IOException {
        return start(dir, "");
    }

    /** With {@code shareOptions} (smb.conf lines) added to the share. */
    static TortureServer start(Path dir, String shareOptions) throws IOException {
        Path share = Files.createDirectories(dir.resolve("torture"));
        Path passdb = dir.resolve("smbpasswd");
        SmbPasswdFile.empty().with(new SmbPasswdEntry("alice", 1000, PasswordHashes.lm("Passw0rd!"),
                PasswordHashes.nt("Passw0rd!"), EnumSet.of(AccountFlag.USER), 0)).write(passdb);
        InetAddress a = LoopbackAddresses.allocate();
        String text = """
                [global]
                interfaces = %s
                bind interfaces only = yes
                smb ports = 445
                passdb backend = smbpasswd:%s
                [torture]
                path = %s
                read only = no
                %s
                """.formatted(a.getHostAddress(), passdb, share, shareOptions);
        ServerConfig c = SmbConfParser.parse(text, dir);
        Clock clock = Clock.systemUTC();
        OpenFiles files = new OpenFiles();
        SmbServer s = SmbServer.start(c, ServerLimits.DEFAULTS, clock, new SecureRandom(),
                sc -> new DiskTreeHandler(ShareRoot.of(sc.path()), sc.readOnly(), clock, files));
        return new TortureServer(a, share, s);
    }

    String unc() {
        return "//" + address.getHostAddress() + "/torture";
    }

    @Override
    public void close() throws IOException {
        server.close();
        LoopbackAddresses.release(address);
    }
}
