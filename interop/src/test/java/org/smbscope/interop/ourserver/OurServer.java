package org.smbscope.interop.ourserver;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.smbscope.interop.fixture.OurSmbServer;
import org.smbscope.interop.fixture.ProcessResult;

/**
 * Our SMB server ({@link OurSmbServer}) on ports 445 and 139 with share {@code share} (a temp directory), the
 * unbrowseable {@code secret} and the read-only guest share {@code pub}, plus extra [global] lines and share
 * options.
 */
final class OurServer implements AutoCloseable {
    static final String CREDS = OurSmbServer.CREDS;

    final InetAddress address;
    final Path dir;
    final Path share;
    final Path clientConf;
    private final OurSmbServer server;

    private OurServer(OurSmbServer server, Path share) {
        this.server = server;
        this.address = server.address();
        this.dir = server.dir();
        this.share = share;
        this.clientConf = server.clientConf();
    }

    static OurServer start(Path dir, String globals, String shareOptions) throws IOException {
        Path share = Files.createDirectories(dir.resolve("share"));
        return new OurServer(OurSmbServer.start(dir, """
                smb ports = 445 139
                map to guest = bad user
                %s
                """.formatted(globals), """
                [share]
                path = %1$s
                comment = our test share
                read only = no
                %2$s
                [secret]
                path = %1$s
                browseable = no
                [pub]
                path = %1$s
                guest ok = yes
                read only = yes
                """.formatted(share, shareOptions), "SMB2_02"), share);
    }

    String unc(String shareName) {
        return server.unc(shareName);
    }

    /** Samba's smbclient with our client.conf, then {@code args}. */
    ProcessResult smbclient(String... args) {
        return server.smbclient(args);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
