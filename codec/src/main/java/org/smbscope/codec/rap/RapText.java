package org.smbscope.codec.rap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/** OEM strings of RAP: null-terminated, fixed-width names and converter-relative string pointers. */
final class RapText {
    private RapText() {
    }

    static WireReader reader(byte[] b) {
        return WireReader.of(b, RapDecodeException::new);
    }

    static RapDecodeException wrap(DecodeException e) {
        return e instanceof RapDecodeException r ? r : new RapDecodeException(e.field(), e.offset(), e.detail());
    }

    static String cstring(WireReader r, String field) throws DecodeException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = r.u8(field);
            if (c == 0) {
                return sb.toString();
            }
            sb.append((char) c);
        }
    }

    static void cstring(WireWriter w, String s) {
        w.bytes(s.getBytes(StandardCharsets.ISO_8859_1)).u8(0);
    }

    /** A fixed-width, NUL-padded name. */
    static String fixed(WireReader r, String field, int n) throws DecodeException {
        byte[] b = r.bytes(field, n);
        int end = 0;
        while (end < n && b[end] != 0) {
            end++;
        }
        return new String(b, 0, end, StandardCharsets.ISO_8859_1);
    }

    static void fixed(WireWriter w, String s, int n) {
        byte[] b = Arrays.copyOf(s.getBytes(StandardCharsets.ISO_8859_1), n);
        if (s.length() >= n) {
            b[n - 1] = 0;
        }
        w.bytes(b);
    }

    /**
     * The string a 32-bit pointer refers to: offset = (pointer & 0xFFFF) - converter, from the start
     * of the data buffer ([MS-RAP] 2.5.x, "converter"); a null pointer is "".
     */
    static String pointer(byte[] data, long pointer, int converter, String field) throws DecodeException {
        int low = (int) (pointer & 0xFFFF);
        if (pointer == 0) {
            return "";
        }
        int off = low - converter;
        WireReader r = reader(data);
        if (off < 0 || off >= data.length) {
            throw r.fail(field, "string pointer 0x" + Long.toHexString(pointer) + " (converter " + converter
                    + ") outside the " + data.length + "-byte buffer");
        }
        r.seek(field, off);
        return cstring(r, field);
    }
}
