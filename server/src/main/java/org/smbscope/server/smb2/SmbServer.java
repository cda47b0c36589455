package org.smbscope.server.smb2;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smbscope.codec.dtyp.Guid;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.ipc.IpcTreeHandler;
import org.smbscope.server.netbios.SessionGate;

/**
 * The SMB 2/3 listener: one accept loop per configured address and port, one virtual thread per
 * connection, at most {@link ServerLimits#maxConnections()} at once (more are closed at accept).
 * Port 139 expects a NetBIOS session request first ({@link SessionGate}: our name, an alias or *SMBSERVER). Disk shares are served by a {@link TreeHandlerFactory},
 * IPC$ by {@link IpcTreeHandler}.
 */
public final class SmbServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmbServer.class);

    private final List<ServerSocket> sockets;
    private final List<Thread> acceptors = new ArrayList<>();
    private final java.util.Set<Socket> live = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private SmbServer(List<ServerSocket> sockets) {
        this.sockets = sockets;
    }

    /** Binds every interface x port of {@code config} (port 0 in tests means an ephemeral port) and starts serving. */
    public static SmbServer start(ServerConfig config, ServerLimits limits, Clock clock, RandomGenerator random)
            throws IOException {
        return start(config, limits, clock, random, ShareHandlers.disk(clock, limits.maxOpensPerSession()));
    }

    /** As {@link #start(ServerConfig, ServerLimits, Clock, RandomGenerator)} with disk shares served by {@code disks}. */
    public static SmbServer start(ServerConfig config, ServerLimits limits, Clock clock, RandomGenerator random,
            TreeHandlerFactory disks) throws IOException {
        return start(config, limits, clock, random, disks, () -> null);
    }

    /**
     * As {@link #start(ServerConfig, ServerLimits, Clock, RandomGenerator, TreeHandlerFactory)}, with SMB1
     * NetServerEnum2 answered from the browse list {@code browse} supplies (e.g. {@code NetbiosServices::browseList};
     * null, or an empty answer, means only this server and its workgroup).
     */
    public static SmbServer start(ServerConfig config, ServerLimits limits, Clock clock, RandomGenerator random,
            TreeHandlerFactory disks, java.util.function.Supplier<org.smbscope.server.browse.BrowseList> browse)
            throws IOException {
        ServerLimits lim = limits.withMaxConnections(config.maxConnections()).withIoSizes(config.ioSizes());
        Guid guid = Guid.random(random);
        AuthPolicy auth = AuthPolicy.of(config);
        NegotiateHandler negotiate = new NegotiateHandler(config, lim, guid, clock.instant(), clock, random,
                auth.kerberos() != null);
        ServerContext ctx = new ServerContext(config, lim, negotiate, guid, disks, () -> new IpcTreeHandler(config),
                clock, random, auth).withBrowse(browse);
        SessionGate gate = SessionGate.of(config);
        FrameBuffers buffers = new FrameBuffers(lim.maxFrameSize(), 4 + Runtime.getRuntime().availableProcessors());
        Semaphore slots = new Semaphore(lim.maxConnections());
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (String iface : config.interfaces()) {
                String addr = iface.contains("/") ? iface.substring(0, iface.indexOf('/')) : iface;
                for (int port : config.smbPorts()) {
                    // a channel's socket: accepted sockets have a SocketChannel, which reads large frames into direct
                    // buffers (Connection)
                    ServerSocket ss = ServerSocketChannel.open().socket();
                    ss.setReuseAddress(true);
                    ss.bind(new InetSocketAddress(InetAddress.getByName(addr), port));
                    sockets.add(ss);
                }
            }
        } catch (IOException e) {
            for (ServerSocket s : sockets) {
                s.close();
            }
            throw e;
        }
        SmbServer server = new SmbServer(List.copyOf(sockets));
        for (ServerSocket ss : sockets) {
            server.acceptors.add(Thread.ofVirtual().name("smb-accept-" + ss.getLocalSocketAddress()).start(() -> {
                while (!ss.isClosed()) {
                    try {
                        Socket s = ss.accept();
                        if (!slots.tryAcquire()) {
                            LOG.warn("connection from {} refused: max connections reached", s.getRemoteSocketAddress());
                            s.close();
                            continue;
                        }
                        boolean netbios = ss.getLocalPort() == 139;
                        Thread.ofVirtual().name("smb-conn-" + s.getRemoteSocketAddress()).start(() -> {
                            server.live.add(s);
                            try {
                                if (netbios && !gate.admit(s).accepted()) {
                                    return;
                                }
                                new Connection(s, ctx, buffers).run();
                            } catch (IOException e) {
                                LOG.debug("NetBIOS session request from {} failed: {}", s.getRemoteSocketAddress(), e.toString());
                            } finally {
                                server.live.remove(s);
                                slots.release();
                            }
                        });
                    } catch (IOException e) {
                        if (!ss.isClosed()) {
                            LOG.warn("accept failed on {}: {}", ss.getLocalSocketAddress(), e.toString());
                        }
                    }
                }
            }));
        }
        return server;
    }

    /** The bound addresses (with the actual ports). */
    public List<InetSocketAddress> addresses() {
        return sockets.stream().map(s -> (InetSocketAddress) s.getLocalSocketAddress()).toList();
    }

    @Override
    public void close() throws IOException {
        for (ServerSocket s : sockets) {
            s.close();
        }
        for (Socket s : live) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
