package org.smbscope.codec.smb2;

import java.util.ArrayList;
import java.util.List;

import org.smbscope.codec.wire.WireWriter;

/**
 * Compounded messages, [MS-SMB2] 3.2.4.1.4 / 3.3.5.2.7: each message but the last is padded to an
 * 8-byte boundary and its header's NextCommand holds the offset of the next header.
 */
public final class Smb2Compound {
    /** Hard cap on messages in one compound. */
    public static final int MAX_MESSAGES = 128;
    private static final int NEXT_COMMAND_OFFSET = 20;

    /** One message of a frame: offset in the array and length (including padding). */
    public record Part(int offset, int length) {
    }

    private Smb2Compound() {
    }

    /**
     * Splits a frame into messages by following NextCommand. Every NextCommand must be a multiple
     * of 8, at least 64, and inside the frame, so offsets strictly advance and the chain ends.
     */
    public static List<Part> split(byte[] frame, int offset, int length) throws Smb2DecodeException {
        if (offset < 0 || length < 0 || offset > frame.length - length) {
            throw new IllegalArgumentException("window outside array");
        }
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (true) {
            if (parts.size() >= MAX_MESSAGES) {
                throw new Smb2DecodeException("NextCommand", at, "more than " + MAX_MESSAGES + " compounded messages");
            }
            int remaining = length - at;
            if (remaining < Smb2Header.SIZE) {
                throw new Smb2DecodeException("Header", at, "needs 64 bytes, " + remaining + " left");
            }
            int p = offset + at + NEXT_COMMAND_OFFSET;
            long next = (frame[p] & 0xFFL) | (frame[p + 1] & 0xFFL) << 8 | (frame[p + 2] & 0xFFL) << 16
                    | (frame[p + 3] & 0xFFL) << 24;
            if (next == 0) {
                parts.add(new Part(offset + at, remaining));
                return parts;
            }
            if (next < Smb2Header.SIZE || (next & 7) != 0 || next >= remaining) {
                throw new Smb2DecodeException("NextCommand", at + NEXT_COMMAND_OFFSET, "next command offset " + next
                        + " must be a multiple of 8, at least 64 and inside the " + remaining + " bytes left");
            }
            parts.add(new Part(offset + at, (int) next));
            at += (int) next;
        }
    }

    public static List<Part> split(byte[] frame) throws Smb2DecodeException {
        return split(frame, 0, frame.length);
    }

    /**
     * Joins encoded messages into one compound frame: pads each (the last too, as Windows and Samba do)
     * to 8 bytes and patches their NextCommand; the last gets NextCommand 0. Signatures must be computed afterwards, over
     * each padded message.
     */
    public static byte[] join(List<byte[]> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("no messages");
        }
        WireWriter w = new WireWriter();
        for (int i = 0; i < messages.size(); i++) {
            byte[] m = messages.get(i);
            if (m.length < Smb2Header.SIZE) {
                throw new IllegalArgumentException("message " + i + " is shorter than a header");
            }
            int start = w.size();
            w.bytes(m);
            boolean last = i == messages.size() - 1;
            if (messages.size() > 1) {
                w.align(8); // the last one too, as Windows and Samba pad it (smbtorture compound-padding)
            }
            w.patchU32le(start + NEXT_COMMAND_OFFSET, last ? 0 : w.size() - start);
        }
        return w.toByteArray();
    }
}
