package org.smbscope.interop.ourserver;

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
import org.smbscope.server.smb2.ServerLimits;
import org.smbscope.server.smb2.SmbServer;

/**
 * Our SMB server in-process on a fresh loopback address, port 445, with share {@code share} (a temp
 * directory) and the user alice / Passw0rd!, plus helpers running Samba's smbclient against it.
 */
final class OurServer implements AutoCloseable {
    static final String CREDS = "alice%Passw0rd!";

    final InetAddress address;
    final Path dir;
    final Path share;
    final Path clientConf;
    private final SmbServer server;

    private OurServer(InetAddress address, Path dir, Path share, Path clientConf, SmbServer server) {
        this.address = address;
        this.dir = dir;
        this.share = share;
        this.clientConf = clientConf;
        this.server = server;
    }

    /** Starts on a fresh address; retried on another one when a parallel peer took the address meanwhile. */
    static OurServer start(Path dir, String globals, String shareOptions) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return startOnce(dir, globals, shareOptions);
            } catch (java.net.BindException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static OurServer startOnce(Path dir, String globals, String shareOptions) throws IOException {
        Path share = Files.createDirectories(dir.resolve("share"));
        Path passdb = dir.resolve("smbpasswd");
        SmbPasswdFile.empty().with(new SmbPasswdEntry("alice", 1000, PasswordHashes.lm("Passw0rd!"),
                PasswordHashes.nt("Passw0rd!"), EnumSet.of(AccountFlag.USER), 0)).write(passdb);
        InetAddress a = LoopbackAddresses.allocate();
        String text = """
                [global]
                interfaces = %s
                bind interfaces only = yes
                smb ports = 445 139
                passdb backend = smbpasswd:%s
                map to guest = bad user
                %s
                [share]
                path = %s
                comment = our test share
                read only = no
                %s
                [secret]
                path = %s
                browseable = no
                [pub]
                path = %s
                guest ok = yes
                read only = yes
                """.formatted(a.getHostAddress(), passdb, globals, share, shareOptions, share, share);
        ServerConfig c = SmbConfParser.parse(text, dir);
        SmbServer s;
        try {
            s = SmbServer.start(c, ServerLimits.DEFAULTS, Clock.systemUTC(), new SecureRandom());
        } catch (IOException e) {
            LoopbackAddresses.release(a);
            throw e;
        }
        Path conf = dir.resolve("client.conf");
        Files.writeString(conf, "[global]\n client min protocol = SMB2_02\n");
        return new OurServer(a, dir, share, conf, s);
    }

    String unc(String shareName) {
        return "//" + address.getHostAddress() + "/" + shareName;
    }

    /** Samba's smbclient with our client.conf, then {@code args}. */
    ProcessResult smbclient(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Peers.require("smbclient").toString(), "-s", clientConf.toString()));
        cmd.addAll(List.of(args));
        return ProcessRunner.run(Duration.ofSeconds(60), cmd);
    }

    @Override
    public void close() throws IOException {
        server.close();
        LoopbackAddresses.release(address);
    }
}
