package org.smbscope.server.smb2;

import java.time.Duration;

import org.smbscope.server.config.IoSizes;

/**
 * The server's limits, with safe defaults ({@link #DEFAULTS}): the largest frame accepted, the largest
 * read, write and transact advertised in NEGOTIATE ([MS-SMB2] 2.2.4), messages per compound, credits granted per
 * connection, connections, sessions per connection, opens per session, and the idle time before a
 * connection without open files is dropped.
 */
public record ServerLimits(int maxFrameSize, int maxReadSize, int maxWriteSize, int maxTransactSize, int maxCompound,
        int maxCredits, int maxConnections, int maxSessionsPerConnection, int maxOpensPerSession, Duration idleTimeout) {
    /**
     * 4 MiB reads and writes and 8 MiB transacts (large MTU), frames up to 8 MiB + headers (a client that writes the
     * 8 MiB Samba and Windows offer is answered, not dropped), 8192 credits (Windows' and Samba's window; smbtorture
     * smb2.credits expects it), 64 messages per compound. 4 MiB rather than Samba's 8: a client that keeps a fixed
     * window in flight (smbclient: 16 MiB) then keeps four requests in flight instead of two, and the server does
     * not wait for the next request while it finishes one (docs/BENCHMARKS.md, "I/O size").
     */
    public static final ServerLimits DEFAULTS = new ServerLimits(8 * 1024 * 1024 + 64 * 1024, 4 * 1024 * 1024,
            4 * 1024 * 1024, 8 * 1024 * 1024, 64, 8192, 256, 16, 16 * 1024, Duration.ofMinutes(15));

    public ServerLimits {
        int largest = Math.max(maxReadSize, Math.max(maxWriteSize, maxTransactSize));
        int smallest = Math.min(maxReadSize, Math.min(maxWriteSize, maxTransactSize));
        if (smallest < 65536 || maxFrameSize < largest || maxFrameSize > 0xFFFFFF) {
            throw new IllegalArgumentException(
                    "need 64 KiB <= max read/write/transact size <= maxFrameSize <= 16 MiB - 1 (24-bit length)");
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
        return n <= 0 ? this : new ServerLimits(maxFrameSize, maxReadSize, maxWriteSize, maxTransactSize, maxCompound,
                maxCredits, n, maxSessionsPerConnection, maxOpensPerSession, idleTimeout);
    }

    /**
     * With {@code smb2 max read}, {@code smb2 max write} and {@code smb2 max trans} from smb.conf, where set. The
     * largest frame accepted stays as it is, so that a client that ignores a smaller size is answered, not dropped.
     */
    public ServerLimits withIoSizes(IoSizes s) {
        int read = s.maxRead() == 0 ? maxReadSize : s.maxRead();
        int write = s.maxWrite() == 0 ? maxWriteSize : s.maxWrite();
        int trans = s.maxTrans() == 0 ? maxTransactSize : s.maxTrans();
        return new ServerLimits(Math.max(maxFrameSize, Math.max(read, Math.max(write, trans)) + 64 * 1024), read,
                write, trans, maxCompound, maxCredits, maxConnections, maxSessionsPerConnection, maxOpensPerSession,
                idleTimeout);
    }
}
