package org.smbscope.codec.dcerpc;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;

/**
 * Reads NDR 2.0 little-endian stub data ([C706] chapter 14): primitives aligned to their size
 * (relative to the start of the stub), referent ids of unique/full pointers (0 = null),
 * conformance counts checked against the bytes left before anything is allocated, and
 * conformant varying UTF-16 strings. Pointees are read by the caller in NDR order: after the
 * structure (or array) holding the pointers, in the order of the pointers.
 */
public final class NdrReader {
    private final WireReader r;

    private NdrReader(WireReader r) {
        this.r = r;
    }

    public static NdrReader of(byte[] stub) {
        return new NdrReader(WireReader.of(stub, DcerpcDecodeException::new));
    }

    public int remaining() {
        return r.remaining();
    }

    public int position() {
        return r.position();
    }

    public int u8(String field) throws DcerpcDecodeException {
        return wrap(() -> r.u8(field));
    }

    public int u16(String field) throws DcerpcDecodeException {
        return wrap(() -> {
            r.align(field, 2);
            return r.u16le(field);
        });
    }

    public long u32(String field) throws DcerpcDecodeException {
        return wrap(() -> {
            r.align(field, 4);
            return r.u32le(field);
        });
    }

    public long u64(String field) throws DcerpcDecodeException {
        return wrap(() -> {
            r.align(field, 8);
            return r.u64le(field);
        });
    }

    /** A unique or full pointer's referent id; 0 is the null pointer. */
    public long pointer(String field) throws DcerpcDecodeException {
        return u32(field);
    }

    /**
     * The conformance (max_count) of an array of elements of at least {@code minElementSize}
     * bytes, refused if that many elements cannot be in the remaining bytes.
     */
    public int conformance(String field, int minElementSize) throws DcerpcDecodeException {
        long n = u32(field);
        if (n * Math.max(1, minElementSize) > r.remaining()) {
            throw error(field, "count " + n + " of " + minElementSize + "-byte elements exceeds the " + r.remaining() + " bytes left");
        }
        return (int) n;
    }

    /**
     * A conformant varying string of UTF-16 code units (max_count, offset, actual_count, then the
     * units); the terminating NUL, if present, is dropped.
     */
    public String string(String field) throws DcerpcDecodeException {
        long max = u32(field + ".max_count");
        long offset = u32(field + ".offset");
        long actual = u32(field + ".actual_count");
        if (offset != 0 || actual > max) {
            throw error(field, "offset " + offset + " actual_count " + actual + " max_count " + max);
        }
        if (actual * 2 > r.remaining()) {
            throw error(field, "actual_count " + actual + " exceeds the " + r.remaining() + " bytes left");
        }
        String s = wrap(() -> r.utf16le(field, (int) actual * 2));
        return s.endsWith("\0") ? s.substring(0, s.length() - 1) : s;
    }

    /** Skips to the next multiple of {@code n} from the start of the stub. */
    public void align(String field, int n) throws DcerpcDecodeException {
        wrap(() -> {
            r.align(field, n);
            return 0;
        });
    }

    public void expectEnd(String what) throws DcerpcDecodeException {
        wrap(() -> {
            r.expectEnd(what);
            return 0;
        });
    }

    public DcerpcDecodeException error(String field, String detail) {
        return new DcerpcDecodeException(field, r.offset(), detail);
    }

    private interface Read<T> {
        T get() throws DecodeException;
    }

    private static <T> T wrap(Read<T> read) throws DcerpcDecodeException {
        try {
            return read.get();
        } catch (DcerpcDecodeException e) {
            throw e;
        } catch (DecodeException e) {
            throw new DcerpcDecodeException(e.field(), e.offset(), e.detail());
        }
    }
}
