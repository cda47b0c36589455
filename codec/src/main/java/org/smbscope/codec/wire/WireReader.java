package org.smbscope.codec.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A bounded, checked view over received bytes. Every read is checked against the window the
 * reader was given; nothing is allocated before the length asked for has been checked against
 * what remains, so a length taken from the wire can never cause a huge allocation.
 *
 * <p>Offsets reported in errors are relative to the start of the outermost message
 * ({@link #origin()}), so a nested window names the same offset Wireshark would show.
 * A reader is not thread-safe; it is used by one decoder for one message.
 */
public final class WireReader {
    private final byte[] data;
    private final int base;      // index in data of the outermost message's first byte
    private final int start;     // index in data of this window's first byte
    private final int limit;     // index in data one past this window's last byte
    private int pos;             // index in data of the next byte to read
    private final DecodeErrors errors;

    private WireReader(byte[] data, int base, int start, int limit, DecodeErrors errors) {
        this.data = data;
        this.base = base;
        this.start = start;
        this.limit = limit;
        this.pos = start;
        this.errors = errors;
    }

    /** A reader over the whole array. The array is not copied and must not change while read. */
    public static WireReader of(byte[] data, DecodeErrors errors) {
        return new WireReader(data, 0, 0, data.length, errors);
    }

    /** A reader over {@code data[offset, offset+length)}. */
    public static WireReader of(byte[] data, int offset, int length, DecodeErrors errors) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("window outside array");
        }
        return new WireReader(data, offset, offset, offset + length, errors);
    }

    /** A reader over the remaining bytes of a buffer (copied if the buffer has no array). */
    public static WireReader of(ByteBuffer buffer, DecodeErrors errors) {
        if (buffer.hasArray()) {
            int off = buffer.arrayOffset() + buffer.position();
            return of(buffer.array(), off, buffer.remaining(), errors);
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return of(copy, errors);
    }

    /** Offset of the next byte from the start of the outermost message. */
    public int offset() {
        return pos - base;
    }

    /** Offset of the next byte from the start of this window. */
    public int position() {
        return pos - start;
    }

    /** Length of this window. */
    public int length() {
        return limit - start;
    }

    public int remaining() {
        return limit - pos;
    }

    public boolean hasRemaining() {
        return pos < limit;
    }

    /** Offset of this window's first byte from the start of the outermost message. */
    public int origin() {
        return start - base;
    }

    /** The error factory, for decoders that report a semantic error themselves. */
    public DecodeException fail(String field, String detail) {
        return errors.error(field, offset(), detail);
    }

    /** Same as {@link #fail(String, String)} but at an explicit outer offset. */
    public DecodeException failAt(String field, int outerOffset, String detail) {
        return errors.error(field, outerOffset, detail);
    }

    private void need(String field, int n) throws DecodeException {
        if (n < 0) {
            throw fail(field, "negative length " + n);
        }
        if (n > limit - pos) {
            throw fail(field, "needs " + n + " bytes, " + (limit - pos) + " left");
        }
    }

    public int u8(String field) throws DecodeException {
        need(field, 1);
        return data[pos++] & 0xFF;
    }

    public int peekU8(String field) throws DecodeException {
        need(field, 1);
        return data[pos] & 0xFF;
    }

    public int u16be(String field) throws DecodeException {
        need(field, 2);
        int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    public int u16le(String field) throws DecodeException {
        need(field, 2);
        int v = (data[pos] & 0xFF) | ((data[pos + 1] & 0xFF) << 8);
        pos += 2;
        return v;
    }

    public int u24be(String field) throws DecodeException {
        need(field, 3);
        int v = ((data[pos] & 0xFF) << 16) | ((data[pos + 1] & 0xFF) << 8) | (data[pos + 2] & 0xFF);
        pos += 3;
        return v;
    }

    public long u32be(String field) throws DecodeException {
        need(field, 4);
        long v = ((long) (data[pos] & 0xFF) << 24) | ((data[pos + 1] & 0xFF) << 16)
                | ((data[pos + 2] & 0xFF) << 8) | (data[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    public long u32le(String field) throws DecodeException {
        need(field, 4);
        long v = (data[pos] & 0xFF) | ((data[pos + 1] & 0xFF) << 8)
                | ((data[pos + 2] & 0xFF) << 16) | ((long) (data[pos + 3] & 0xFF) << 24);
        pos += 4;
        return v;
    }

    /** A 32-bit little-endian value as an int (bit pattern kept; for flags and codes). */
    public int i32le(String field) throws DecodeException {
        return (int) u32le(field);
    }

    /** A 32-bit big-endian value as an int (bit pattern kept). */
    public int i32be(String field) throws DecodeException {
        return (int) u32be(field);
    }

    public long u64le(String field) throws DecodeException {
        need(field, 8);
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = (v << 8) | (data[pos + i] & 0xFF);
        }
        pos += 8;
        return v;
    }

    public long u64be(String field) throws DecodeException {
        need(field, 8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (data[pos + i] & 0xFF);
        }
        pos += 8;
        return v;
    }

    /** Copies {@code n} bytes, after checking that they are there. */
    public byte[] bytes(String field, int n) throws DecodeException {
        need(field, n);
        byte[] out = Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return out;
    }

    /** Copies everything left in this window. */
    public byte[] rest() {
        byte[] out = Arrays.copyOfRange(data, pos, limit);
        pos = limit;
        return out;
    }

    public void skip(String field, int n) throws DecodeException {
        need(field, n);
        pos += n;
    }

    /** Skips padding so that {@link #position()} becomes a multiple of {@code alignment}. */
    public void align(String field, int alignment) throws DecodeException {
        int mis = position() % alignment;
        if (mis != 0) {
            skip(field, alignment - mis);
        }
    }

    /** Reads {@code n} bytes as ASCII/Latin-1 text. */
    public String latin1(String field, int n) throws DecodeException {
        need(field, n);
        String s = new String(data, pos, n, StandardCharsets.ISO_8859_1);
        pos += n;
        return s;
    }

    /** Reads {@code n} bytes (n even) as UTF-16LE text. */
    public String utf16le(String field, int n) throws DecodeException {
        if ((n & 1) != 0) {
            throw fail(field, "odd UTF-16 length " + n);
        }
        need(field, n);
        String s = new String(data, pos, n, StandardCharsets.UTF_16LE);
        pos += n;
        return s;
    }

    /**
     * Takes the next {@code n} bytes as a sub-window and advances past them. Decoding the
     * sub-window can never read beyond those bytes.
     */
    public WireReader window(String field, int n) throws DecodeException {
        need(field, n);
        WireReader w = new WireReader(data, base, pos, pos + n, errors);
        pos += n;
        return w;
    }

    /**
     * A sub-window at {@code offset} (from the start of this window) of {@code n} bytes, for
     * fields located by an offset from a header; does not move this reader.
     */
    public WireReader slice(String field, int offset, int n) throws DecodeException {
        if (offset < 0 || n < 0 || offset > length() || n > length() - offset) {
            throw fail(field, "offset " + offset + " length " + n + " outside a " + length() + "-byte structure");
        }
        return new WireReader(data, base, start + offset, start + offset + n, errors);
    }

    /** Moves to {@code position} (relative to this window). */
    public void seek(String field, int position) throws DecodeException {
        if (position < 0 || position > length()) {
            throw fail(field, "position " + position + " outside a " + length() + "-byte structure");
        }
        pos = start + position;
    }

    /** Requires that the whole window was consumed. */
    public void expectEnd(String what) throws DecodeException {
        if (pos != limit) {
            throw fail(what, (limit - pos) + " unexpected trailing bytes");
        }
    }
}
