package org.smbscope.server.fs;

import java.nio.file.Path;
import java.time.Instant;

import org.smbscope.codec.dtyp.Guid;

/**
 * What makes an open durable ([MS-SMB2] 3.3.1.10 Open.IsDurable, Open.DurableOpenTimeout,
 * Open.DurableOwner, Open.CreateGuid, Open.ClientGuid) and, once its connection is gone, until when it is
 * kept ({@link #expires}, guarded by {@link OpenFiles#lock}).
 *
 * @param v2            granted through DH2Q (then {@link #createGuid} is set)
 * @param createGuid    the DH2Q CreateGuid, or null for a v1 durable open
 * @param clientGuid    the ClientGuid of the connection that made it
 * @param user          the session's account name (the durable owner)
 * @param timeoutMillis how long a disconnected open is kept
 * @param shareRoot     the root of the share it was opened on (a reconnect must come on the same share)
 */
final class Durable {
    final boolean v2;
    final Guid createGuid;
    final Guid clientGuid;
    final String user;
    final long timeoutMillis;
    final Path shareRoot;
    /** When the disconnected open goes, or null while a connection holds it. */
    Instant expires;

    Durable(boolean v2, Guid createGuid, Guid clientGuid, String user, long timeoutMillis, Path shareRoot) {
        this.v2 = v2;
        this.createGuid = createGuid;
        this.clientGuid = clientGuid;
        this.user = user;
        this.timeoutMillis = timeoutMillis;
        this.shareRoot = shareRoot;
    }

    boolean disconnected() {
        return expires != null;
    }
}
