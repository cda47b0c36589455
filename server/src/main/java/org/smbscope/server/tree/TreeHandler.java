package org.smbscope.server.tree;

import org.smbscope.codec.smb2.Smb2Request;

/**
 * Serves the file commands of one tree connect ([MS-SMB2] 3.3.5.9 CREATE through 3.3.5.21 SET_INFO):
 * CREATE, CLOSE, FLUSH, READ, WRITE, LOCK, IOCTL (other than FSCTL_VALIDATE_NEGOTIATE_INFO, which the
 * dispatcher answers), QUERY_DIRECTORY, CHANGE_NOTIFY, QUERY_INFO and SET_INFO.
 *
 * <p>The dispatcher has already checked the session, the tree id and the signature, and has replaced
 * the related-compound FileId (all ones) with the FileId of the previous CREATE in the chain. A handler
 * never throws for a client's mistake: it answers with the status Windows would return. Called from
 * many virtual threads at once; implementations are thread safe.
 */
public interface TreeHandler extends AutoCloseable {

    /** Serves one request; {@link Outcome.Pending} for work that completes later (CHANGE_NOTIFY, a blocking lock). */
    Outcome handle(RequestContext context, Smb2Request request);

    /**
     * SMB1 TRANS2_SET_PATH_INFORMATION with the pass-through FileRenameInformation level: opens {@code open} (a
     * CREATE asking attribute access only, so it breaks no oplock and takes no part in sharing), renames it as
     * {@code renameInfo} (an SMB2 FILE_RENAME_INFORMATION) says without asking for DELETE access on that handle, as
     * Samba's internal open does, and closes it. By default STATUS_NOT_SUPPORTED.
     */
    default Outcome.Done renameByPath(RequestContext context, org.smbscope.codec.smb2.CreateRequest open,
            byte[] renameInfo) {
        return Outcome.Done.error(org.smbscope.codec.status.NtStatus.NOT_SUPPORTED,
                org.smbscope.codec.smb2.Smb2Command.SET_INFO);
    }

    /**
     * True when {@link #handle} honours {@link RequestContext#arrival()} for a WRITE (reads its data only as far as it
     * has arrived); otherwise the connection gives such a handler a WRITE only once all its data is there.
     */
    default boolean takesArrivingWrites() {
        return false;
    }

    /** TREE_DISCONNECT or LOGOFF: closes every open of this tree. */
    @Override
    void close();

    /**
     * The connection is lost, or the session ends without a LOGOFF ([MS-SMB2] 3.3.7.1): durable opens are
     * kept for a reconnect, every other open is closed. By default, {@link #close()}.
     */
    default void disconnect() {
        close();
    }
}
