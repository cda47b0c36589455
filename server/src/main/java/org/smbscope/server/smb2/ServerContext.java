package org.smbscope.server.smb2;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.smbscope.codec.dtyp.Guid;
import org.smbscope.server.browse.BrowseList;
import org.smbscope.server.config.ServerConfig;
import org.smbscope.server.tree.TreeHandler;

/**
 * What every connection of one server shares: configuration, limits, negotiate answers, tree handler factories,
 * clock and randomness, the crypto warm-up ({@link CryptoWarmups}), the browse list NetServerEnum2 serves (from the NetBIOS services, or null), the authentication policy (Kerberos, SPN validation), and which connection holds each session id (ids are unique server-wide, and a
 * SESSION_SETUP with PreviousSessionId may end a session of another connection, [MS-SMB2] 3.3.5.5.3).
 */
record ServerContext(ServerConfig config, ServerLimits limits, NegotiateHandler negotiate, Guid serverGuid,
        TreeHandlerFactory disks, Supplier<TreeHandler> ipc, Clock clock, RandomGenerator random,
        Map<Long, Dispatcher> sessionOwners, AuthPolicy auth, CryptoWarmups warmups, Supplier<BrowseList> browse) {
    ServerContext(ServerConfig config, ServerLimits limits, NegotiateHandler negotiate, Guid serverGuid,
            TreeHandlerFactory disks, Supplier<TreeHandler> ipc, Clock clock, RandomGenerator random) {
        this(config, limits, negotiate, serverGuid, disks, ipc, clock, random, AuthPolicy.ntlmOnly(config));
    }

    ServerContext(ServerConfig config, ServerLimits limits, NegotiateHandler negotiate, Guid serverGuid,
            TreeHandlerFactory disks, Supplier<TreeHandler> ipc, Clock clock, RandomGenerator random, AuthPolicy auth) {
        this(config, limits, negotiate, serverGuid, disks, ipc, clock, random, new ConcurrentHashMap<>(), auth,
                new CryptoWarmups(), () -> null);
    }

    /** This context with NetServerEnum2 answered from {@code browse} (which may return null: no list yet). */
    ServerContext withBrowse(Supplier<BrowseList> browse) {
        return new ServerContext(config, limits, negotiate, serverGuid, disks, ipc, clock, random, sessionOwners, auth,
                warmups, browse);
    }

    /** What the SMB1 server (server.smb1) uses of this server. */
    org.smbscope.server.smb1.Smb1Services smb1() {
        return new org.smbscope.server.smb1.Smb1Services(config, disks, ipc, serverGuid.toWire(), clock, random,
                mask -> {
                    BrowseList list = browse.get();
                    return list == null ? null : list.serverInfo1(mask);
                });
    }
}
