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
 * @param token          the session's security token, for access checks
 * @param clientGuid     the ClientGuid of the connection's NEGOTIATE (leases and durable handles are keyed by it)
 * @param replay         the request carries SMB2_FLAGS_REPLAY_OPERATION ([MS-SMB2] 2.2.1.2)
 * @param channelSequence the request's ChannelSequence (SMB 3.x, [MS-SMB2] 2.2.1.2), or -1 when it has none
 * @param readBuffer     for a large READ, a (direct) buffer the handler may read the data into, from 0 up to its
 *                       capacity, and return as the response's data (the connection sends it from there and takes it
 *                       back); null when there is none. A handler that keeps the data beyond the call must not use it.
 * @param arrival        for a WRITE whose data is still arriving (its buffer is filled behind the handler's back), how
 *                       far it has come: the handler reads a part of the data only after {@link Arrival#await} said
 *                       it is there; null when all the data is there
 */
public record RequestContext(Smb2Dialect dialect, String user, boolean guest, int maxReadSize, int maxWriteSize,
        int maxTransactSize, BreakSender breaks, SecurityToken token, Guid clientGuid, boolean replay,
        int channelSequence, java.nio.ByteBuffer readBuffer, Arrival arrival) {

    public RequestContext {
        breaks = breaks == null ? BreakSender.NONE : breaks;
        token = token == null ? SecurityToken.of(user, guest) : token;
        clientGuid = clientGuid == null ? Guid.ZERO : clientGuid;
    }

    /** A context whose WRITE data (if any) is all there. */
    public RequestContext(Smb2Dialect dialect, String user, boolean guest, int maxReadSize, int maxWriteSize,
            int maxTransactSize, BreakSender breaks, SecurityToken token, Guid clientGuid, boolean replay,
            int channelSequence, java.nio.ByteBuffer readBuffer) {
        this(dialect, user, guest, maxReadSize, maxWriteSize, maxTransactSize, breaks, token, clientGuid, replay,
                channelSequence, readBuffer, null);
    }

    /** A context without a READ buffer. */
    public RequestContext(Smb2Dialect dialect, String user, boolean guest, int maxReadSize, int maxWriteSize,
            int maxTransactSize, BreakSender breaks, SecurityToken token, Guid clientGuid, boolean replay,
            int channelSequence) {
        this(dialect, user, guest, maxReadSize, maxWriteSize, maxTransactSize, breaks, token, clientGuid, replay,
                channelSequence, null);
    }

    /** A context without a ChannelSequence. */
    public RequestContext(Smb2Dialect dialect, String user, boolean guest, int maxReadSize, int maxWriteSize,
            int maxTransactSize, BreakSender breaks, SecurityToken token, Guid clientGuid, boolean replay) {
        this(dialect, user, guest, maxReadSize, maxWriteSize, maxTransactSize, breaks, token, clientGuid, replay, -1);
    }

    /** A context with the user's own token ({@link SecurityToken#of(String, boolean)}). */
    public RequestContext(Smb2Dialect dialect, String user, boolean guest, int maxReadSize, int maxWriteSize,
            int maxTransactSize, BreakSender breaks, Guid clientGuid, boolean replay) {
        this(dialect, user, guest, maxReadSize, maxWriteSize, maxTransactSize, breaks, null, clientGuid, replay);
    }

    /** A context with {@code token}, a zero ClientGuid and no replay flag. */
    public RequestContext(Smb2Dialect dialect, String user, boolean guest, int maxReadSize, int maxWriteSize,
            int maxTransactSize, BreakSender breaks, SecurityToken token) {
        this(dialect, user, guest, maxReadSize, maxWriteSize, maxTransactSize, breaks, token, Guid.ZERO, false);
    }

    /** A context with the user's own token, a zero ClientGuid and no replay flag. */
    public RequestContext(Smb2Dialect dialect, String user, boolean guest, int maxReadSize, int maxWriteSize,
            int maxTransactSize, BreakSender breaks) {
        this(dialect, user, guest, maxReadSize, maxWriteSize, maxTransactSize, breaks, null, Guid.ZERO, false);
    }

    /** A context whose caller cannot receive oplock breaks ({@link BreakSender#NONE}). */
    public RequestContext(Smb2Dialect dialect, String user, boolean guest, int maxReadSize, int maxWriteSize,
            int maxTransactSize) {
        this(dialect, user, guest, maxReadSize, maxWriteSize, maxTransactSize, BreakSender.NONE, null, Guid.ZERO,
                false);
    }
}
