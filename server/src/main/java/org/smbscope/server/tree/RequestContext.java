package org.smbscope.server.tree;

import org.smbscope.codec.dtyp.Guid;
import org.smbscope.codec.smb2.Smb2Dialect;

/**
 * Who asks, on which connection: what a {@link TreeHandler} needs to know beyond the request itself.
 *
 * @param dialect        the dialect the connection negotiated
 * @param user           the session's account name ("" for anonymous)
 * @param guest          true for a guest or anonymous session
 * @param maxReadSize    the negotiated MaxReadSize (a READ asking for more gets STATUS_INVALID_PARAMETER)
 * @param maxWriteSize   the negotiated MaxWriteSize
 * @param maxTransactSize the negotiated MaxTransactSize (QUERY_DIRECTORY, QUERY_INFO, IOCTL output)
 * @param breaks         sends oplock and lease break notifications on this session's connection
 * @param clientGuid     the ClientGuid of the connection's NEGOTIATE (leases and durable handles are keyed by it)
 * @param replay         the request carries SMB2_FLAGS_REPLAY_OPERATION ([MS-SMB2] 2.2.1.2)
 */
public record RequestContext(Smb2Dialect dialect, String user, boolean guest, int maxReadSize, int maxWriteSize,
        int maxTransactSize, BreakSender breaks, Guid clientGuid, boolean replay) {

    public RequestContext {
        breaks = breaks == null ? BreakSender.NONE : breaks;
        clientGuid = clientGuid == null ? Guid.ZERO : clientGuid;
    }

    /** A context with a zero ClientGuid and no replay flag. */
    public RequestContext(Smb2Dialect dialect, String user, boolean guest, int maxReadSize, int maxWriteSize,
            int maxTransactSize, BreakSender breaks) {
        this(dialect, user, guest, maxReadSize, maxWriteSize, maxTransactSize, breaks, Guid.ZERO, false);
    }

    /** A context whose caller cannot receive oplock breaks ({@link BreakSender#NONE}). */
    public RequestContext(Smb2Dialect dialect, String user, boolean guest, int maxReadSize, int maxWriteSize,
            int maxTransactSize) {
        this(dialect, user, guest, maxReadSize, maxWriteSize, maxTransactSize, BreakSender.NONE);
    }
}
