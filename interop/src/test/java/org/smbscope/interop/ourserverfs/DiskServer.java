package org.smbscope.interop.ourserverfs;

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
 * Our SMB server in-process on a fresh loopback address, port 445, with its disk shares served by
 * {@link DiskTreeHandler}: {@code share} (read-write) and {@code ro} (read only) over temp directories,
 * user alice / Passw0rd!, and Samba's smbclient to drive it.
 */
final class DiskServer implements AutoCloseable {
    static final String CREDS = "alice%Passw0rd!";

    final InetAddress address;
    final Path share;
    final Path readOnly;
    final Path clientConf;
    private final SmbServer server;

    private DiskServer(InetAddress address, Path share, Path readOnly, Path clientConf, SmbServer server) {
        this.address = address;
        this.share = share;
        this.readOnly = readOnly;
        this.clientConf = clientConf;
        this.server = server;
    }

    static DiskServer start(Path dir) throws IOException {
        Path share = Files.createDirectories(dir.resolve("share"));
        Path ro = Files.createDirectories(dir.resolve("ro"));
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
                [share]
                path = %s
                read only = no
                [ro]
                path = %s
                read only = yes
                """.formatted(a.getHostAddress(), passdb, share, ro);
        ServerConfig c = SmbConfParser.parse(text, dir);
        Clock clock = Clock.systemUTC();
        OpenFiles files = new OpenFiles();
        SmbServer s = SmbServer.start(c, ServerLimits.DEFAULTS, clock, new SecureRandom(),
                sc -> new DiskTreeHandler(ShareRoot.of(sc.path()), sc.readOnly(), clock, files));
        Path conf = dir.resolve("client.conf");
        Files.writeString(conf, "[global]\n client min protocol = SMB2_02\n");
        return new DiskServer(a, share, ro, conf, s);
    }

    String unc(String shareName) {
        return "//" + address.getHostAddress() + "/" + shareName;
    }

    /** Samba's smbclient on {@code shareName} running {@code commands}, with extra {@code args}. */
    ProcessResult smbclient(String shareName, String commands, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Peers.require("smbclient").toString(), "-s", clientConf.toString(),
                unc(shareName), "-U", CREDS, "-c", commands));
        cmd.addAll(List.of(args));
        return ProcessRunner.run(Duration.ofSeconds(60), cmd);
    }

    @Override
    public void close() throws IOException {
        server.close();
        LoopbackAddresses.release(address);
    }
}
