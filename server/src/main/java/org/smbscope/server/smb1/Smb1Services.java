package org.smbscope.server.smb1;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.smbscope.codec.rap.ServerInfo1;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.smb2.TreeHandlerFactory;
import org.smbscope.server.tree.TreeHandler;

/**
 * What the SMB1 server needs of the server it runs in: the configuration, the share handlers (the same as
 * SMB2's), the server GUID, clock and randomness, and the browse list for NetServerEnum2 by server type mask, as
 * {@code server.browse.BrowseList#serverInfo1} answers it (null, or an empty answer: only ourselves and our workgroup).
 */
public record Smb1Services(ServerConfig config, TreeHandlerFactory disks, Supplier<TreeHandler> ipc, byte[] serverGuid,
        Clock clock, RandomGenerator random, java.util.function.LongFunction<List<ServerInfo1>> browseList) {
    public Smb1Services {
        Objects.requireNonNull(config);
        Objects.requireNonNull(disks);
        Objects.requireNonNull(ipc);
        serverGuid = serverGuid.clone();
        Objects.requireNonNull(clock);
        Objects.requireNonNull(random);
    }

    @Override
    public byte[] serverGuid() {
        return serverGuid.clone();
    }

    /** Random bytes (the generator is shared by connections). */
    byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        synchronized (random) {
            random.nextBytes(b);
        }
        return b;
    }
}
