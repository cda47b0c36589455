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
public record StreamChunk(Conversation conversation, boolean fromClient, long frame, Instant time, byte[] bytes,
                          int offset, int length, long missing) {
    /** The chunk's bytes are {@code bytes[offset, offset+length)} (a view: in-order segments pass uncopied). */
    public StreamChunk {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
    }

    public StreamChunk(Conversation conversation, boolean fromClient, long frame, Instant time, byte[] data, long missing) {
        this(conversation, fromClient, frame, time, data, 0, data.length, missing);
    }

    public StreamChunk(Conversation conversation, boolean fromClient, long frame, Instant time, byte[] data) {
        this(conversation, fromClient, frame, time, data, 0);
    }

    /** The chunk's bytes (the array itself when the view covers all of it, else a copy). */
    public byte[] data() {
        return offset == 0 && length == bytes.length ? bytes : java.util.Arrays.copyOfRange(bytes, offset, offset + length);
    }
}
