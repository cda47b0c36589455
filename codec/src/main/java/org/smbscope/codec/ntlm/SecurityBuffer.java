package org.smbscope.codec.ntlm;

import java.nio.charset.StandardCharsets;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * A (Len, MaxLen, BufferOffset) field, [MS-NLMP] 2.2.1.1 ff.: locates a payload by its offset
 * from the start of the message. Read against the whole message, so an offset or length past
 * its end is a decode error.
 */
record SecurityBuffer(int length, int maxLength, long offset, int at) {
    static SecurityBuffer read(WireReader r, String field) throws DecodeException {
        int at = r.offset();
        return new SecurityBuffer(r.u16le(field + "Len"), r.u16le(field + "MaxLen"), r.u32le(field + "BufferOffset"), at);
    }

    byte[] bytes(WireReader message, String field) throws DecodeException {
        if (length == 0) {
            return new byte[0];
        }
        if (offset + length > message.length()) {
            throw message.failAt(field, at, "offset " + offset + " length " + length + " past the end of a "
                    + message.length() + "-byte message");
        }
        return message.slice(field, (int) offset, length).rest();
    }

    WireReader window(WireReader message, String field) throws DecodeException {
        if (length == 0) {
            return message.slice(field, 0, 0);
        }
        if (offset + length > message.length()) {
            throw message.failAt(field, at, "offset " + offset + " length " + length + " past the end of a "
                    + message.length() + "-byte message");
        }
        return message.slice(field, (int) offset, length);
    }

    String text(WireReader message, String field, boolean unicode) throws DecodeException {
        if (length == 0) {
            return "";
        }
        if (offset + length > message.length()) {
            throw message.failAt(field, at, "offset " + offset + " length " + length + " past the end of a "
                    + message.length() + "-byte message");
        }
        WireReader w = message.slice(field, (int) offset, length);
        return unicode ? w.utf16le(field, length) : w.latin1(field, length);
    }

    /** Where the payload starts, for deciding whether optional header fields are present. */
    long start() {
        return length == 0 ? Long.MAX_VALUE : offset;
    }

    static byte[] encodeText(String s, boolean unicode) {
        return s.getBytes(unicode ? StandardCharsets.UTF_16LE : StandardCharsets.ISO_8859_1);
    }

    /** Writes a placeholder and returns a patcher for it. */
    static final class Pending {
        private final int at;

        Pending(WireWriter w) {
            at = w.size();
            w.zeros(8);
        }

        void fill(WireWriter w, byte[] payload) {
            int off = w.size();
            w.patchU16le(at, payload.length);
            w.patchU16le(at + 2, payload.length);
            w.patchU32le(at + 4, off);
            w.bytes(payload);
        }
    }
}
