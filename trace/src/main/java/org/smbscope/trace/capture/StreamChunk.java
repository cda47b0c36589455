package org.smbscope.trace.capture;

import java.time.Instant;

/**
 * In-order bytes of one direction of a TCP conversation, as reassembled.
 *
 * @param fromClient true when the bytes flow from the client (the side that sent SYN, or else
 *                   the side with the higher port) to the server
 * @param frame      the frame whose segment completed these bytes
 * @param missing    bytes of the stream the capture does not have just before {@code data} (a
 *                   gap that was never filled: packets lost by the capture); 0 normally
 */
public record StreamChunk(Conversation conversation, boolean fromClient, long frame, Instant time, byte[] data,
                          long missing) {
    public StreamChunk(Conversation conversation, boolean fromClient, long frame, Instant time, byte[] data) {
        this(conversation, fromClient, frame, time, data, 0);
    }
}
