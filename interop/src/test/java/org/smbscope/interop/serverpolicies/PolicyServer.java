package org.smbscope.interop.serverpolicies;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.smbscope.cli.Main;
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
import picocli.CommandLine;

/**
 * Our SMB server in-process on a fresh loopback address (port 445) with NetBIOS name {@code name}, share
 * {@code share} and the user alice / Passw0rd!, plus Samba's smbclient and our own {@code smbscope smbclient}
 * against it. {@code globals} are extra smb.conf [global] lines (the policy under test).
 */
public final class PolicyServer implements AutoCloseable {
    public static final String CREDS = "alice%Passw0rd!";

    public final InetAddress address;
    public final Path dir;
    public final Path share;
    private final SmbServer server;

    private PolicyServer(InetAddress address, Path dir, Path share, SmbServer server) {
        this.address = address;
        this.dir = dir;
        this.share = share;
        this.server = server;
    }

    public static PolicyServer start(Path dir, String name, String globals) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return startOnce(dir, name, globals);
            } catch (java.net.BindException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static PolicyServer startOnce(Path dir, String name, String globals) throws IOException {
        Path share = Files.createDirectories(dir.resolve("share"));
        Files.writeString(share.resolve("hello.txt"), "hello\n");
        Path passdb = dir.resolve("smbpasswd");
        SmbPasswdFile.empty().with(new SmbPasswdEntry("alice", 1000, PasswordHashes.lm("Passw0rd!"),
                PasswordHashes.nt("Passw0rd!"), EnumSet.of(AccountFlag.USER), 0)).write(passdb);
        InetAddress a = LoopbackAddresses.allocate();
        String text = """
                [global]
                netbios name = %s
                interfaces = %s
                bind interfaces only = yes
                smb ports = 445
                passdb backend = smbpasswd:%s
                %s
                [share]
                path = %s
                read only = no
                """.formatted(name, a.getHostAddress(), passdb, globals, share);
        ServerConfig c = SmbConfParser.parse(text, dir);
        try {
            return new PolicyServer(a, dir, share, SmbServer.start(c, ServerLimits.DEFAULTS, Clock.systemUTC(),
                    new SecureRandom()));
        } catch (IOException e) {
            LoopbackAddresses.release(a);
            throw e;
        }
    }

    public String ip() {
        return address.getHostAddress();
    }

    /** Samba's smbclient with a minimal client.conf plus {@code clientGlobals}, environment {@code env}, then {@code args}. */
    public ProcessResult samba(String clientGlobals, Map<String, String> env, String... args) throws IOException {
        Path conf = dir.resolve("client-" + Integer.toHexString(clientGlobals.hashCode()) + ".conf");
        Files.writeString(conf, "[global]\n client min protocol = SMB2_02\n" + clientGlobals + "\n");
        List<String> cmd = new ArrayList<>(List.of(Peers.require("smbclient").toString(), "-s", conf.toString()));
        cmd.addAll(List.of(args));
        return ProcessRunner.run(Duration.ofSeconds(30), cmd, env, null);
    }

    /** What our own CLI printed. */
    public record Cli(int exitCode, String stdout, String stderr) {
        public String output() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr;
        }
    }

    /** {@code smbscope <args>} in-process. */
    public static Cli ours(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int rc = cl.execute(args);
        return new Cli(rc, out.toString(), err.toString());
    }

    @Override
    public void close() throws IOException {
        server.close();
        LoopbackAddresses.release(address);
    }
}
