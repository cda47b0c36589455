package org.smbscope.codec.smb1;

import java.nio.charset.StandardCharsets;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * SMB_STRING reading and writing ([MS-CIFS] 2.2.1.1): null-terminated, UTF-16LE aligned to 2
 * from the start of the SMB header when Flags2 UNICODE is set, else OEM (read as Latin-1).
 * A string that runs to the end of the data block without a terminator is accepted.
 */
final class Smb1Strings {
    private Smb1Strings() {
    }

    /** {@code base} is the offset from the header start of the reader's position 0. */
    static String read(WireReader r, int base, boolean unicode, boolean align, String field) throws DecodeException {
        if (unicode) {
            if (align && ((base + r.position()) & 1) != 0 && r.hasRemaining()) {
                r.skip(field + " pad", 1);
            }
            StringBuilder sb = new StringBuilder();
            while (r.remaining() >= 2) {
                int c = r.u16le(field);
                if (c == 0) {
                    return sb.toString();
                }
                sb.append((char) c);
            }
            if (r.hasRemaining()) {
                r.skip(field, r.remaining());
            }
            return sb.toString();
        }
        return readOem(r, field);
    }

    static String readOem(WireReader r, String field) throws DecodeException {
        StringBuilder sb = new StringBuilder();
        while (r.hasRemaining()) {
            int c = r.u8(field);
            if (c == 0) {
                break;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }

    static void write(WireWriter w, int base, String s, boolean unicode, boolean align) {
        if (unicode) {
            if (align && ((base + w.size()) & 1) != 0) {
                w.u8(0);
            }
            w.bytes(s.getBytes(StandardCharsets.UTF_16LE)).u16le(0);
        } else {
            writeOem(w, s);
        }
    }

    static void writeOem(WireWriter w, String s) {
        w.bytes(s.getBytes(StandardCharsets.ISO_8859_1)).u8(0);
    }

    static WireReader reader(byte[] bytes) {
        return WireReader.of(bytes, Smb1DecodeException::new);
    }

    static Smb1DecodeException wrap(DecodeException e) {
        return e instanceof Smb1DecodeException s ? s : new Smb1DecodeException(e.field(), e.offset(), e.detail());
    }
}
