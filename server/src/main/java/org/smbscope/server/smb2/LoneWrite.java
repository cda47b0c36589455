package org.smbscope.server.smb2;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.smbscope.codec.smb2.Smb2Codec;
import org.smbscope.codec.smb2.Smb2Command;
import org.smbscope.codec.smb2.Smb2Header;

/**
 * Recognises a lone SMB2 WRITE request ([MS-SMB2] 2.2.21) read into a direct buffer, so that its data can go to the
 * file from there without a copy.
 */
final class LoneWrite {
    private LoneWrite() {
    }

    /**
     * For a lone SMB2 WRITE request in {@code m} (position to limit) with its data right after the fixed part, up to
     * the end, and no channel info: a copy of its header and fixed part with Length 0, which decodes to the request
     * without its data ({@link Dispatcher} puts the data back as a view of {@code m}). Null for anything else.
     */
    static byte[] head(ByteBuffer m) {
        int at = m.position();
        int length = m.remaining();
        int body = at + Smb2Header.SIZE;
        if (length <= org.smbscope.codec.smb2.WriteRequest.DATA_OFFSET || m.getInt(at) != Smb2Codec.SMB2_MAGIC) {
            return null;
        }
        ByteBuffer le = m.duplicate().order(java.nio.ByteOrder.LITTLE_ENDIAN);
        boolean write = le.getShort(at + 12) == Smb2Command.WRITE.value() && le.getInt(at + 20) == 0 // lone
                && le.getShort(body) == 49 && le.getShort(body + 2) == org.smbscope.codec.smb2.WriteRequest.DATA_OFFSET
                && le.getInt(body + 4) == length - org.smbscope.codec.smb2.WriteRequest.DATA_OFFSET
                && le.getShort(body + 42) == 0; // WriteChannelInfoLength
        if (!write) {
            return null;
        }
        byte[] head = new byte[org.smbscope.codec.smb2.WriteRequest.DATA_OFFSET];
        m.get(at, head);
        Arrays.fill(head, Smb2Header.SIZE + 4, Smb2Header.SIZE + 8, (byte) 0);
        return head;
    }
}
