package org.smbscope.codec.dcerpc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.smbscope.codec.wire.WireWriter;

/**
 * Writes NDR 2.0 little-endian stub data ([C706] chapter 14). Pointers embedded in a
 * construction are deferred: {@link #pointer} writes the referent id and queues the pointee,
 * and {@link #construct} writes a structure or array and then its queued pointees in order,
 * each pointee again as a construction (depth first, as Windows and Samba do). A top-level
 * parameter is one construction, so a top-level pointer's pointee follows it immediately.
 * Referent ids are deterministic: {@code start}, {@code start + 4}, ...
 */
public final class NdrWriter {
    /** Writes a part of the stub. */
    @FunctionalInterface
    public interface Part {
        void write(NdrWriter w);
    }

    private final WireWriter w = new WireWriter(256);
    private final Deque<List<Part>> frames = new ArrayDeque<>();
    private final Map<Object, Long> fullPointers = new IdentityHashMap<>();
    private long nextReferent;

    /** Referent ids start at 0x00020000, as Windows and Samba number them. */
    public NdrWriter() {
        this(0x00020000L);
    }

    public NdrWriter(long firstReferent) {
        this.nextReferent = firstReferent;
    }

    public NdrWriter u8(int v) {
        w.u8(v);
        return this;
    }

    public NdrWriter u16(int v) {
        w.align(2).u16le(v);
        return this;
    }

    public NdrWriter u32(long v) {
        w.align(4).u32le(v);
        return this;
    }

    public NdrWriter u64(long v) {
        w.align(8).u64le(v);
        return this;
    }

    public NdrWriter align(int n) {
        w.align(n);
        return this;
    }

    /** Writes a construction, then the pointees its pointers queued. */
    public NdrWriter construct(Part part) {
        frames.push(new ArrayList<>());
        part.write(this);
        List<Part> deferred = frames.pop();
        for (Part p : deferred) {
            construct(p);
        }
        return this;
    }

    /** A unique pointer: 0 if {@code present} is false, else a new referent id and a queued pointee. */
    public NdrWriter pointer(boolean present, Part pointee) {
        if (!present) {
            return u32(0);
        }
        u32(nextReferent);
        nextReferent += 4;
        defer(pointee);
        return this;
    }

    /** A full pointer: the same object gets the same referent id and is written once. */
    public NdrWriter fullPointer(Object target, Part pointee) {
        if (target == null) {
            return u32(0);
        }
        Long known = fullPointers.get(target);
        if (known != null) {
            return u32(known);
        }
        fullPointers.put(target, nextReferent);
        return pointer(true, pointee);
    }

    private void defer(Part pointee) {
        if (frames.isEmpty()) {
            construct(pointee);
        } else {
            frames.peek().add(pointee);
        }
    }

    /** A unique pointer to a conformant varying string (null writes a null pointer). */
    public NdrWriter stringPointer(String s) {
        return pointer(s != null, x -> x.string(s));
    }

    /** A conformant varying UTF-16 string with its terminating NUL. */
    public NdrWriter string(String s) {
        int n = s.length() + 1;
        u32(n).u32(0).u32(n);
        w.utf16le(s).u16le(0);
        return this;
    }

    public int size() {
        return w.size();
    }

    public byte[] toByteArray() {
        return w.toByteArray();
    }
}
