package org.smbscope.interop.serverpolicies;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.smbscope.interop.fixture.OurSmbServer;
import org.smbscope.interop.fixture.Peers;
import org.smbscope.interop.fixture.ProcessResult;
import org.smbscope.interop.fixture.ProcessRunner;
import org.smbscope.interop.fixture.Smbscope;

/**
 * Our SMB server ({@link OurSmbServer}, port 445) with NetBIOS name {@code name} and share {@code share},
 * plus Samba's smbclient and our own {@code smbscope smbclient} against it. {@code globals} are extra
 * smb.conf [global] lines (the policy under test).
 */
public final class PolicyServer implements AutoCloseable {
    public static final String CREDS = OurSmbServer.CREDS;

    public final InetAddress address;
    public final Path dir;
    public final Path share;
    private final OurSmbServer server;

    private PolicyServer(OurSmbServer server, Path share) {
        this.server = server;
        this.address = server.address();
        this.dir = server.dir();
        this.share = share;
    }

    public static PolicyServer start(Path dir, String name, String globals) throws IOException {
        Path share = Files.createDirectories(dir.resolve("share"));
        Files.writeString(share.resolve("hello.txt"), "hello\n");
        return new PolicyServer(OurSmbServer.start(dir, """
                netbios name = %s
                smb ports = 445
                %s
                """.formatted(name, globals), """
                [share]
                path = %s
                read only = no
                """.formatted(share), "SMB2_02"), share);
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

    /** {@code smbscope <args>} in-process. */
    public static Smbscope.Result ours(String... args) {
        return Smbscope.run(args);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
