package org.smbscope.codec.wire;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte sink for encoders, with little- and big-endian writers and back-patching of
 * length and offset fields. Not thread-safe.
 */
public final class WireWriter {
    private byte[] buf;
    private int size;
    /** {@link #toByteArray} handed out {@code buf} itself: copy it before changing a byte of it. */
    private boolean shared;

    public WireWriter() {
        this(64);
    }

    public WireWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    private void ensure(int more) {
        if (size + more > buf.length) { // a new array, so a shared one stays as handed out
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            shared = false;
        }
    }

    /** Number of bytes written so far (also the offset of the next byte). */
    public int size() {
        return size;
    }

    public WireWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public WireWriter u16be(int v) {
        ensure(2);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    public WireWriter u16le(int v) {
        ensure(2);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
        return this;
    }

    public WireWriter u24be(int v) {
        ensure(3);
        buf[size++] = (byte) (v >>> 16);
        buf[size++] = (byte) (v >>> 8);
        buf[size++] = (byte) v;
        return this;
    }

    public WireWriter u32be(long v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    public WireWriter u32le(long v) {
        ensure(4);
        for (int shift = 0; shift <= 24; shift += 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    public WireWriter u64le(long v) {
        ensure(8);
        for (int shift = 0; shift <= 56; shift += 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    public WireWriter u64be(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    public WireWriter bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public WireWriter bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    /** Writes {@code src}'s remaining bytes (one copy; {@code src}'s position is not moved). */
    public WireWriter bytes(ByteBuffer src) {
        int len = src.remaining();
        ensure(len);
        src.get(src.position(), buf, size, len);
        size += len;
        return this;
    }

    public WireWriter zeros(int n) {
        ensure(n);
        size += n; // array is zero-filled on growth and never reused below size
        return this;
    }

    /** Pads with zeros until {@link #size()} is a multiple of {@code alignment}. */
    public WireWriter align(int alignment) {
        int mis = size % alignment;
        return mis == 0 ? this : zeros(alignment - mis);
    }

    public WireWriter latin1(String s) {
        return bytes(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    public WireWriter utf16le(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_16LE));
    }

    public void patchU8(int at, int v) {
        check(at, 1);
        buf[at] = (byte) v;
    }

    public void patchU16le(int at, int v) {
        check(at, 2);
        buf[at] = (byte) v;
        buf[at + 1] = (byte) (v >>> 8);
    }

    public void patchU16be(int at, int v) {
        check(at, 2);
        buf[at] = (byte) (v >>> 8);
        buf[at + 1] = (byte) v;
    }

    public void patchU32le(int at, long v) {
        check(at, 4);
        for (int i = 0; i < 4; i++) {
            buf[at + i] = (byte) (v >>> (8 * i));
        }
    }

    public void patchU32be(int at, long v) {
        check(at, 4);
        for (int i = 0; i < 4; i++) {
            buf[at + i] = (byte) (v >>> (24 - 8 * i));
        }
    }

    public void patchBytes(int at, byte[] b) {
        check(at, b.length);
        System.arraycopy(b, 0, buf, at, b.length);
    }

    private void check(int at, int n) {
        if (at < 0 || at + n > size) {
            throw new IllegalArgumentException("patch outside written bytes");
        }
        if (shared) {
            buf = buf.clone();
            shared = false;
        }
    }

    /**
     * The bytes written so far. When they fill the buffer exactly (an encoder that sized it right)
     * the buffer itself is returned, not copied; later writes or patches then work on a copy, so
     * the returned array never changes.
     */
    public byte[] toByteArray() {
        if (size == buf.length && size > 0) {
            shared = true;
            return buf;
        }
        return Arrays.copyOf(buf, size);
    }

    /** A read-only view of the written bytes without copying. */
    public ByteBuffer asBuffer() {
        return ByteBuffer.wrap(buf, 0, size).asReadOnlyBuffer();
    }
}
