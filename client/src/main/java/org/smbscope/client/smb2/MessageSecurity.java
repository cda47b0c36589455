package org.smbscope.client.smb2;

import java.io.IOException;

/**
 * A session's signing and sealing, as the connection needs it: sign a request, verify a response,
 * seal a frame into a transform message ([MS-SMB2] 2.2.41) and open one.
 */
interface MessageSecurity {
    long sessionId();

    /** Requests of this session must be signed (when not encrypted). */
    boolean signing();

    /**
     * This request (by its SMB2 command) must be signed when not sealed: every request when
     * {@link #signing()}, else none by default.
     */
    default boolean signs(int command) {
        return signing();
    }

    /** Requests of this session are sealed. */
    boolean encrypting();

    /** Signs the message in place (sets the SIGNED flag and the signature). */
    void sign(byte[] message);

    /** True when the signature of this (single) message is right. */
    boolean verify(byte[] message);

    byte[] seal(byte[] plain) throws IOException;

    byte[] open(byte[] transform) throws IOException;
}
