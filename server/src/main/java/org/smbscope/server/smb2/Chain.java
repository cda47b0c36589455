package org.smbscope.server.smb2;

import org.smbscope.codec.status.NtStatus;

/** What the previous message of a related chain left behind ([MS-SMB2] 3.3.5.2.7.2); one per frame. */
final class Chain {
    int index;
    long sessionId;
    int treeId;
    org.smbscope.codec.smb2.FileId fileId;
    /** A failed CREATE (or an invalid chain start): every related follower gets this status. */
    NtStatus createError;
    /** The previous message had a valid session whose ids a related follower inherits. */
    boolean prevValid;
    /** A message went async (its request may be used after the frame's processing returned). */
    boolean wentAsync;
}
