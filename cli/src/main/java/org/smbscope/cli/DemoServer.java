package org.smbscope.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import org.smbscope.server.auth.PasswdAction;
import org.smbscope.server.auth.SmbPasswdFile;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.config.SmbConfParser;
import org.smbscope.server.smb2.ServerLimits;
import org.smbscope.server.smb2.SmbServer;

/**
 * An embedded file server for {@code demo} and for {@code doctor} without a target: a private directory holding an smb.conf, an smbpasswd file with one
 * user and a share, served on 127.0.0.1 at a free port (no root needed). Everything is deleted on close.
 */
public final class DemoServer implements AutoCloseable {
    public static final String USER = "alice";
    public static final String PASSWORD = "Demo-Passw0rd";

    private final Path dir;
    private final SmbServer server;
    private final int port;
    private final String smbConf;

    private DemoServer(Path dir, SmbServer server, int port, String smbConf) {
        this.dir = dir;
        this.server = server;
        this.port = port;
        this.smbConf = smbConf;
    }

    /** Starts a server named {@code name} whose [global] section also holds {@code extraGlobal} lines. */
    public static DemoServer start(String name, String... extraGlobal) throws IOException {
        Path dir = Files.createTempDirectory("smbscope-demo-");
        try {
            Path share = Files.createDirectories(dir.resolve("share"));
            Files.writeString(share.resolve("README.txt"), "Served by smbscope's demo server " + name + ".\n");
            Path passdb = dir.resolve("smbpasswd");
            PasswdAction.ADD.apply(SmbPasswdFile.empty(), USER, PASSWORD, Clock.systemUTC().instant().getEpochSecond())
                    .write(passdb);
            int port = freePort();
            StringBuilder conf = new StringBuilder("[global]\n")
                    .append("   netbios name = ").append(name).append('\n')
                    .append("   workgroup = WORKGROUP\n")
                    .append("   interfaces = 127.0.0.1\n")
                    .append("   bind interfaces only = yes\n")
                    .append("   smb ports = ").append(port).append('\n')
                    .append("   passdb backend = smbpasswd:").append(passdb).append('\n');
            for (String line : extraGlobal) {
                conf.append("   ").append(line).append('\n');
            }
            conf.append("\n[demo]\n   path = ").append(share).append("\n   comment = smbscope demo share\n")
                    .append("   read only = no\n");
            ServerConfig config = SmbConfParser.parse(conf.toString(), dir);
            SmbServer server = SmbServer.start(config, ServerLimits.DEFAULTS, Clock.systemUTC(), new SecureRandom());
            return new DemoServer(dir, server, port, conf.toString());
        } catch (IOException | RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    public int port() {
        return port;
    }

    String smbConf() {
        return smbConf;
    }

    /** {@code //127.0.0.1/demo} */
    public String unc() {
        return "//127.0.0.1/demo";
    }

    @Override
    public void close() throws IOException {
        try {
            server.close();
        } finally {
            delete(dir);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
