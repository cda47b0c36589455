package org.smbscope.server.smb2;

import java.time.Duration;

/**
 * The server's limits, with safe defaults ({@link #DEFAULTS}): the largest frame accepted, the largest
 * read/write/transact advertised in NEGOTIATE ([MS-SMB2] 2.2.4), messages per compound, credits granted per
 * connection, connections, sessions per connection, opens per session, and the idle time before a
 * connection without open files is dropped.
 */
public record ServerLimits(int maxFrameSize, int maxReadWriteSize, int maxCompound, int maxCredits, int maxConnections,
        int maxSessionsPerConnection, int maxOpensPerSession, Duration idleTimeout) {
    /**
     * 8 MiB reads/writes (large MTU), 8 MiB + headers frames, 8192 credits (Windows' and Samba's window; smbtorture
     * smb2.credits expects it), 64 messages per compound.
     */
    public static final ServerLimits DEFAULTS = new ServerLimits(8 * 1024 * 1024 + 64 * 1024, 8 * 1024 * 1024, 64, 8192,
            256, 16, 16 * 1024, Duration.ofMinutes(15));

    public ServerLimits {
        if (maxReadWriteSize < 65536 || maxFrameSize < maxReadWriteSize || maxFrameSize > 0xFFFFFF) {
            throw new IllegalArgumentException("need 64 KiB <= maxReadWriteSize <= maxFrameSize <= 16 MiB - 1 (24-bit length)");
        }
        if (maxCompound < 1 || maxCredits < 1 || maxConnections < 1 || maxSessionsPerConnection < 1 || maxOpensPerSession < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idle timeout must be positive");
        }
    }

    /** With {@code max connections} from smb.conf (0 = the default). */
    public ServerLimits withMaxConnections(int n) {
        return n <= 0 ? this : new ServerLimits(maxFrameSize, maxReadWriteSize, maxCompound, maxCredits, n,
                maxSessionsPerConnection, maxOpensPerSession, idleTimeout);
    }
}
