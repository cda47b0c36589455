package org.smbscope.server.smb1;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.smb1.Smb1Block;
import org.smbscope.codec.smb1.Smb1Command;
import org.smbscope.codec.smb1.Smb1RawMessage;
import org.smbscope.codec.smb2.LockRequest;
import org.smbscope.codec.wire.WireWriter;

/**
 * The SMB1 commands the codec keeps opaque ({@link Smb1RawMessage}) that the server still answers, parsed here:
 * OPEN_ANDX ([MS-CIFS] 2.2.4.41), QUERY_INFORMATION (2.2.4.9), SET_INFORMATION (2.2.4.10), LOCKING_ANDX (2.2.4.32)
 * and the SMB strings of their data blocks. Pure functions from words/data to SMB2 parameters and back.
 */
final class Smb1Legacy {
    private Smb1Legacy() {
    }

    static int u16(byte[] b, int at) {
        return at + 2 > b.length ? -1 : (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    static long u32(byte[] b, int at) {
        return at + 4 > b.length ? -1 : (b[at] & 0xFFL) | (b[at + 1] & 0xFFL) << 8 | (b[at + 2] & 0xFFL) << 16
                | (b[at + 3] & 0xFFL) << 24;
    }

    /**
     * A null-terminated SMB string at {@code at} of a block's data ([MS-CIFS] 2.2.1.1: Unicode strings are
     * aligned to 2 bytes from the header start); null when it runs past the data.
     */
    static String string(Smb1Block b, int at, boolean unicode) {
        byte[] data = b.data();
        if (unicode) {
            if (((b.dataOffset() + at) & 1) != 0) {
                at++;
            }
            for (int i = at; i + 1 < data.length; i += 2) {
                if (data[i] == 0 && data[i + 1] == 0) {
                    return new String(data, at, i - at, StandardCharsets.UTF_16LE);
                }
            }
            return at <= data.length ? new String(data, at, (data.length - at) & ~1, StandardCharsets.UTF_16LE) : null;
        }
        for (int i = at; i < data.length; i++) {
            if (data[i] == 0) {
                return new String(data, at, i - at, StandardCharsets.ISO_8859_1);
            }
        }
        return at <= data.length ? new String(data, at, data.length - at, StandardCharsets.ISO_8859_1) : null;
    }

    /** A path after a 0x04 buffer-format byte, null when malformed. */
    static String bufferPath(Smb1Block b, int at, boolean unicode) {
        byte[] data = b.data();
        if (at >= data.length || data[at] != 4) {
            return null;
        }
        return string(b, at + 1, unicode);
    }

    /** OPEN_ANDX request fields the server uses. */
    /** OPEN_ANDX request fields the server uses ({@link Smb1LegacyOpens} maps them). */
    record OpenAndX(int flags, int accessMode, int fileAttrs, int openMode, long allocation, String name) {
    }

    static OpenAndX openAndX(Smb1Block b, boolean unicode) {
        byte[] w = b.words();
        if (w.length != 30) {
            return null;
        }
        String name = string(b, 0, unicode);
        if (name == null) {
            return null;
        }
        return new OpenAndX(u16(w, 4), u16(w, 6), u16(w, 10), u16(w, 16), u32(w, 18), name);
    }

    /** Seconds since 1970 (the UTIME of [MS-CIFS] 2.2.1.4.3), 0 for none. */
    static long utime(FileTime t) {
        if (t.value() == 0) {
            return 0;
        }
        long secs = t.toInstant().getEpochSecond();
        return Math.max(0, Math.min(secs, 0xFFFFFFFFL));
    }

    static long fileTime(long utime) {
        return utime == 0 || utime == 0xFFFFFFFFL ? 0 : FileTime.of(Instant.ofEpochSecond(utime)).value();
    }

    /** QUERY_INFORMATION response: attributes, last write (UTIME), size, reserved. */
    static Smb1RawMessage queryInformationResponse(int attrs, long lastWriteUtime, long size) {
        WireWriter w = new WireWriter().u16le(attrs & 0x37).u32le(lastWriteUtime).u32le(Math.min(size, 0xFFFFFFFFL))
                .bytes(new byte[10]);
        return new Smb1RawMessage(Smb1Command.of(0x08), true, w.toByteArray(), new byte[0]);
    }

    /** FILE_BASIC_INFORMATION to set the attributes and last write time (0: leave). */
    static byte[] basicInfo(int attrs, long lastWriteFileTime) {
        return new WireWriter().u64le(0).u64le(0).u64le(lastWriteFileTime).u64le(0).u32le(attrs == 0 ? 0x80 : attrs)
                .u32le(0).toByteArray();
    }
}
