package org.smbscope.interop.ourserverfs;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.smbscope.interop.fixture.OurSmbServer;
import org.smbscope.interop.fixture.ProcessResult;

/**
 * Our SMB server ({@link OurSmbServer}) with disk shares {@code share} (read-write) and {@code ro} (read
 * only) over temp directories, and Samba's smbclient to drive it.
 */
final class DiskServer implements AutoCloseable {
    static final String CREDS = OurSmbServer.CREDS;

    final InetAddress address;
    final Path share;
    final Path readOnly;
    final Path clientConf;
    private final OurSmbServer server;

    private DiskServer(OurSmbServer server, Path share, Path readOnly) {
        this.server = server;
        this.address = server.address();
        this.share = share;
        this.readOnly = readOnly;
        this.clientConf = server.clientConf();
    }

    static DiskServer start(Path dir) throws IOException {
        Path share = Files.createDirectories(dir.resolve("share"));
        Path ro = Files.createDirectories(dir.resolve("ro"));
        return new DiskServer(OurSmbServer.start(dir, "smb ports = 445", """
                [share]
                path = %s
                read only = no
                [ro]
                path = %s
                read only = yes
                """.formatted(share, ro), "SMB2_02"), share, ro);
    }

    String unc(String shareName) {
        return server.unc(shareName);
    }

    /** Samba's smbclient on {@code shareName} running {@code commands}, with extra {@code args}. */
    ProcessResult smbclient(String shareName, String commands, String... args) {
        List<String> a = new ArrayList<>(List.of(unc(shareName), "-U", CREDS, "-c", commands));
        a.addAll(List.of(args));
        return server.smbclient(a.toArray(String[]::new));
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
