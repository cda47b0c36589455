package org.smbscope.server.tree;

import org.smbscope.codec.smb2.FileId;
import org.smbscope.codec.smb2.LeaseBreakNotification;
import org.smbscope.codec.smb2.OplockLevel;

/**
 * Sends an unsolicited [MS-SMB2] 2.2.23.1 Oplock Break Notification (3.3.4.6) on the connection of the
 * session that made a request: a {@link TreeHandler} keeps the sender of the request that was granted an
 * oplock or lease, to break it later. {@link #NONE} is a caller that cannot send (no oplock is then granted).
 */
@FunctionalInterface
public interface BreakSender {
    /** Cannot send anything: a handler grants no oplock to such a caller. */
    BreakSender NONE = (fileId, level) -> false;

    /** Sends the notification that {@code fileId}'s oplock is broken to {@code newLevel}; false if it could not. */
    boolean oplockBreak(FileId fileId, OplockLevel newLevel);

    /** Sends an [MS-SMB2] 2.2.23.2 Lease Break Notification (3.3.4.7); false if it could not. */
    default boolean leaseBreak(LeaseBreakNotification notification) {
        return false;
    }
}
