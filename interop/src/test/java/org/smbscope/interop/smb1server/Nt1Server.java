package org.smbscope.interop.smb1server;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.smbscope.interop.fixture.LoopbackAddresses;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;
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
 * Our server in-process on a fresh loopback address with {@code server min protocol = NT1}, ports 445 and 139,
 * disk share {@code share} served by {@link DiskTreeHandler}, user alice / Passw0rd!, plus extra [global] lines.
 */
final class Nt1Server implements AutoCloseable {
    static final String CREDS = "alice%Passw0rd!";

    final InetAddress address;
    final Path share;
    final Path clientConf;
    private final SmbServer server;

    private Nt1Server(InetAddress address, Path share, Path clientConf, SmbServer server) {
        this.address = address;
        this.share = share;
        this.clientConf = clientConf;
        this.server = server;
    }

    static Nt1Server start(Path dir, String extraGlobal) throws IOException {
        Path share = Files.createDirectories(dir.resolve("share"));
        Path passdb = dir.resolve("smbpasswd");
        SmbPasswdFile.empty().with(new SmbPasswdEntry("alice", 1000, PasswordHashes.lm("Passw0rd!"),
                PasswordHashes.nt("Passw0rd!"), EnumSet.of(AccountFlag.USER), 0)).write(passdb);
        InetAddress a = LoopbackAddresses.allocate();
        String text = """
                [global]
                netbios name = OLDHOST
                workgroup = OLDWG
                interfaces = %s
                bind interfaces only = yes
                smb ports = 445 139
                server min protocol = NT1
                passdb backend = smbpasswd:%s
                %s
                [share]
                path = %s
                read only = no
                comment = the share
                """.formatted(a.getHostAddress(), passdb, extraGlobal, share);
        ServerConfig c = SmbConfParser.parse(text, dir);
        Clock clock = Clock.systemUTC();
        OpenFiles files = new OpenFiles();
        SmbServer s = SmbServer.start(c, ServerLimits.DEFAULTS, clock, new SecureRandom(),
                sc -> new DiskTreeHandler(ShareRoot.of(sc.path()), sc.readOnly(), clock, files));
        Path conf = dir.resolve("client.conf");
        Files.writeString(conf, "[global]\n client min protocol = NT1\n");
        return new Nt1Server(a, share, conf, s);
    }

    /** Samba's smbclient with {@code args} (the UNC, -L, -c ... are the caller's). */
    ProcessResult smbclient(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Peers.require("smbclient").toString(), "-s", clientConf.toString()));
        cmd.addAll(List.of(args));
        return ProcessRunner.run(Duration.ofSeconds(60), cmd);
    }

    String unc(String shareName) {
        return "//" + address.getHostAddress() + "/" + shareName;
    }

    @Override
    public void close() throws IOException {
        server.close();
        LoopbackAddresses.release(address);
    }
}
