package org.smbscope.codec.smb2;

import java.nio.ByteBuffer;

import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;

/**
 * Decoding context of one message body: a reader over the whole message (header start to message
 * end) positioned after the header, the frame array for zero-copy data, and checked access to the
 * variable buffers that SMB2 locates by an offset from the start of the header.
 */
final class Body {
    final byte[] frame;
    /** Index in {@link #frame} of the header's first byte. */
    final int start;
    final WireReader r;
    final Smb2Header header;
    /** Offset from the header of the end of the fixed part (64 + StructureSize rounded down to even). */
    private int fixedEnd = Smb2Header.SIZE;

    Body(byte[] frame, int start, WireReader message, Smb2Header header) {
        this.frame = frame;
        this.start = start;
        this.r = message;
        this.header = header;
    }

    /** Reads StructureSize and requires {@code expected}. */
    void structureSize(int expected) throws DecodeException {
        int at = r.position();
        int size = r.u16le("StructureSize");
        if (size != expected) {
            throw r.failAt("StructureSize", r.origin() + at,
                    "StructureSize " + size + ", expected " + expected + " for " + header.command().name()
                            + (header.isResponse() ? " response" : " request"));
        }
        fixedEnd = Smb2Header.SIZE + (expected & ~1);
    }

    FileTime time(String field) throws DecodeException {
        return new FileTime(r.u64le(field));
    }

    FileId fileId() throws DecodeException {
        return FileId.read(r);
    }

    static int checkedInt(WireReader r, String field, long value) throws DecodeException {
        if (value < 0 || value > Integer.MAX_VALUE) {
            throw r.fail(field, "value " + value + " out of range");
        }
        return (int) value;
    }

    /**
     * The window of a variable buffer given by offset (from the header) and length, checked to lie
     * inside the message and not to overlap the header or the fixed part of the body.
     */
    WireReader window(String field, long offset, long length) throws DecodeException {
        if (length == 0) {
            return r.slice(field, r.length(), 0);
        }
        if (offset < fixedEnd) {
            throw r.fail(field, "offset " + offset + " overlaps the header or fixed part (ends at " + fixedEnd + ")");
        }
        if (offset > r.length() || length > r.length() - offset) {
            throw r.fail(field, "offset " + offset + " length " + length + " outside a " + r.length()
                    + "-byte message");
        }
        return r.slice(field, (int) offset, (int) length);
    }

    byte[] bytes(String field, long offset, long length) throws DecodeException {
        return window(field, offset, length).rest();
    }

    /** A read-only view of a variable buffer, sharing the frame array (no copy). */
    ByteBuffer buffer(String field, long offset, long length) throws DecodeException {
        WireReader w = window(field, offset, length);
        int at = start + (length == 0 ? 0 : (int) offset);
        return ByteBuffer.wrap(frame, at, w.length()).slice().asReadOnlyBuffer();
    }

    String utf16(String field, long offset, long length) throws DecodeException {
        WireReader w = window(field, offset, length);
        return w.utf16le(field, w.length());
    }
}
