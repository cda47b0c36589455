package org.smbscope.server.tree;

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
 * @param breaks         sends oplock break notifications on this session's connection
 * @param token          the session's security token, for access checks
 */
public record RequestContext(Smb2Dialect dialect, String user, boolean guest, int maxReadSize, int maxWriteSize,
        int maxTransactSize, BreakSender breaks, SecurityToken token) {

    public RequestContext {
        breaks = breaks == null ? BreakSender.NONE : breaks;
        token = token == null ? SecurityToken.of(user, guest) : token;
    }

    /** A context whose token is {@link SecurityToken#of(String, boolean)} of the user. */
    public RequestContext(Smb2Dialect dialect, String user, boolean guest, int maxReadSize, int maxWriteSize,
            int maxTransactSize, BreakSender breaks) {
        this(dialect, user, guest, maxReadSize, maxWriteSize, maxTransactSize, breaks, null);
    }

    /** A context whose caller cannot receive oplock breaks ({@link BreakSender#NONE}). */
    public RequestContext(Smb2Dialect dialect, String user, boolean guest, int maxReadSize, int maxWriteSize,
            int maxTransactSize) {
        this(dialect, user, guest, maxReadSize, maxWriteSize, maxTransactSize, BreakSender.NONE, null);
    }
}
