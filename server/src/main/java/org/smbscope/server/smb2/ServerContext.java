package org.smbscope.server.smb2;

import java.time.Clock;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.smbscope.codec.dtyp.Guid;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.tree.TreeHandler;

/** What every connection of one server shares: configuration, limits, negotiate answers, tree handler factories, clock and randomness. */
record ServerContext(ServerConfig config, ServerLimits limits, NegotiateHandler negotiate, Guid serverGuid,
        TreeHandlerFactory disks, Supplier<TreeHandler> ipc, Clock clock, RandomGenerator random) {
    /** What the SMB1 server (server.smb1) uses of this server. */
    org.smbscope.server.smb1.Smb1Services smb1() {
        return new org.smbscope.server.smb1.Smb1Services(config, disks, ipc, serverGuid.toWire(), clock, random, null);
    }
}
