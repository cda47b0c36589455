package org.smbscope.interop.torture;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.smbscope.interop.fixture.OurSmbServer;

/**
 * Our SMB server ({@link OurSmbServer}) with one read-write disk share {@code torture}: the target of
 * {@link SmbtortureRegressionTest}.
 */
final class TortureServer implements AutoCloseable {
    static final String CREDS = OurSmbServer.CREDS;

    final InetAddress address;
    final Path share;
    private final OurSmbServer server;

    private TortureServer(OurSmbServer server, Path share) {
        this.server = server;
        this.address = server.address();
        this.share = share;
    }

    static TortureServer start(Path dir) throws IOException {
        return start(dir, "");
    }

    /** With {@code shareOptions} (smb.conf lines) added to the share. */
    static TortureServer start(Path dir, String shareOptions) throws IOException {
        Path share = Files.createDirectories(dir.resolve("torture"));
        return new TortureServer(OurSmbServer.start(dir, "smb ports = 445", """
                [torture]
                path = %s
                read only = no
                %s
                """.formatted(share, shareOptions), "SMB2_02"), share);
    }

    String unc() {
        return server.unc("torture");
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
