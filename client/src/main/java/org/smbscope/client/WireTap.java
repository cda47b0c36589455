package org.smbscope.client;

import java.time.Instant;

/**
 * Sees every frame a connection sends or receives (after decryption for sealed ones), with the
 * decoded message when the codec could decode it. Used by {@code --trace}. Called on the sending
 * thread or the connection's reader thread; must be quick and must not throw.
 */
@FunctionalInterface
public interface WireTap {
    enum Direction { SENT, RECEIVED }

    WireTap NONE = (direction, at, frame, decoded) -> { };

    /**
     * @param decoded the decoded message (a codec record, usually {@link org.smbscope.codec.wire.Described}),
     *                or a String describing why it could not be decoded
     */
    void frame(Direction direction, Instant at, byte[] frame, Object decoded);
}
