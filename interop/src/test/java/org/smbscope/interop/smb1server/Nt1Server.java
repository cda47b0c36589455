package org.smbscope.interop.smb1server;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.smbscope.interop.fixture.OurSmbServer;
import org.smbscope.interop.fixture.ProcessResult;

/**
 * Our server ({@link OurSmbServer}) as an old host: {@code server min protocol = NT1}, ports 445 and 139,
 * NetBIOS name OLDHOST in workgroup OLDWG, disk share {@code share}, plus extra [global] lines.
 */
final class Nt1Server implements AutoCloseable {
    static final String CREDS = OurSmbServer.CREDS;

    final InetAddress address;
    final Path share;
    final Path clientConf;
    private final OurSmbServer server;

    private Nt1Server(OurSmbServer server, Path share) {
        this.server = server;
        this.address = server.address();
        this.share = share;
        this.clientConf = server.clientConf();
    }

    static Nt1Server start(Path dir, String extraGlobal) throws IOException {
        Path share = Files.createDirectories(dir.resolve("share"));
        return new Nt1Server(OurSmbServer.start(dir, """
                netbios name = OLDHOST
                workgroup = OLDWG
                smb ports = 445 139
                server min protocol = NT1
                %s
                """.formatted(extraGlobal), """
                [share]
                path = %s
                read only = no
                comment = the share
                """.formatted(share), "NT1"), share);
    }

    /** Samba's smbclient with {@code args} (the UNC, -L, -c ... are the caller's). */
    ProcessResult smbclient(String... args) {
        return server.smbclient(args);
    }

    String unc(String shareName) {
        return server.unc(shareName);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
