package org.smbscope.client.smb2;

import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Flags;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.codec.smb2.Smb2Request;
import org.smbscope.codec.status.NtStatus;

/** Encodes a request with a header for a session and tree; the connection patches ids and credits. */
final class Requests {
    private Requests() {
    }

    static byte[] encode(Smb2Request body, long sessionId, int treeId) {
        Smb2Header h = new Smb2Header(1, NtStatus.SUCCESS, body.command(), 1, Smb2Flags.NONE, 0, 0,
                Smb2Header.DEFAULT_PROCESS_ID, treeId, 0, sessionId, new byte[Smb2Header.SIGNATURE_LENGTH]);
        return Smb2Codec.encode(h, body);
    }
}
