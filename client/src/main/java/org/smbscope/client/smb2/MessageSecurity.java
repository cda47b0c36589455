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

    /**
     * Signs the message {@code head} followed by {@code tail} (position to limit, left as it is: a WRITE's data in
     * a direct buffer); the flag and the signature go into {@code head}. The default joins them.
     */
    default void sign(byte[] head, java.nio.ByteBuffer tail) {
        byte[] joined = join(head, tail);
        sign(joined);
        System.arraycopy(joined, 0, head, 0, head.length);
    }

    /**
     * Seals the message {@code head} followed by {@code tail} (position to limit, left as it is) into {@code out}
     * from 0, which has room for the transform header, the message and a 16-byte tag; returns {@code out} from 0
     * to the transform message's end. The default joins them.
     */
    default java.nio.ByteBuffer seal(byte[] head, java.nio.ByteBuffer tail, java.nio.ByteBuffer out) throws IOException {
        byte[] sealed = seal(join(head, tail));
        return out.clear().put(sealed).flip();
    }

    private static byte[] join(byte[] head, java.nio.ByteBuffer tail) {
        byte[] joined = java.util.Arrays.copyOf(head, head.length + tail.remaining());
        tail.get(tail.position(), joined, head.length, tail.remaining());
        return joined;
    }

    byte[] open(byte[] transform) throws IOException;

    /**
     * Opens {@code transform} into {@code plain}, which has the plaintext's length (the transform's less its
     * 52-byte header), and returns it; {@code transform}'s contents are lost. The default opens as
     * {@link #open(byte[])} does and returns a new array.
     */
    default byte[] open(byte[] transform, byte[] plain) throws IOException {
        return open(transform);
    }
}
