package org.smbscope.server.smb2;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.smbscope.codec.crypto.Smb2Signer;
import org.smbscope.codec.smb2.Smb2Header;
import org.smbscope.server.tree.Outcome;

/**
 * What processing one message produced ([MS-SMB2] 3.3.4 Sending Any Outgoing Message): a response to send, nothing,
 * or work that completes later (an interim response now, the final one when done, 3.3.4.2).
 */
sealed interface Reply {
    /**
     * A response, encoded, to be signed by {@code signer} when not null. {@code tail}: the data of a READ response in
     * a direct buffer, which follows {@code bytes} (header and fixed part) on the wire, else null; {@code release}: the
     * connection's buffer it is in, taken back once sent.
     */
    record Send(byte[] bytes, Smb2Signer signer, ByteBuffer tail, ByteBuffer release) implements Reply {
        Send(byte[] bytes, Smb2Signer signer) {
            this(bytes, signer, null, null);
        }

        /** Header, body and data in one array (a copy of the tail, when there is one). */
        byte[] joined() {
            if (tail == null) {
                return bytes;
            }
            byte[] all = Arrays.copyOf(bytes, bytes.length + tail.remaining());
            tail.duplicate().get(all, bytes.length, tail.remaining());
            return all;
        }
    }

    /** No response (CANCEL, a message dropped for its signature). */
    record Silent(boolean stopChain) implements Reply {
    }

    /** Work that completes later: interim now, final when done. */
    record Later(Smb2Header response, Outcome.Pending pending, Session session, long asyncId, boolean signed) implements Reply {
    }
}
