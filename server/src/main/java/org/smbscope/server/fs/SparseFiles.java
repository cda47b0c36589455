package org.smbscope.server.fs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sparse files as NTFS shows them ([MS-FSCC] 2.3.64 FSCTL_SET_SPARSE, 2.3.51 FSCTL_QUERY_ALLOCATED_RANGES,
 * 2.3.67 FSCTL_SET_ZERO_DATA): which files are sparse, and for those the allocated ranges in 64 KiB units
 * (a write allocates the units it touches; zeroing frees the units it covers entirely). A file that is not
 * sparse is allocated from 0 to its end. Kept for the life of the server, keyed like {@link OpenFiles}.
 */
final class SparseFiles {
    static final long UNIT = 64 * 1024;

    /** Allocated ranges of one sparse file: start to end, merged, unit aligned. */
    private static final class Ranges {
        final TreeMap<Long, Long> map = new TreeMap<>();

        void add(long from, long to) {
            long s = from / UNIT * UNIT;
            long e = to <= Long.MAX_VALUE - UNIT ? (to + UNIT - 1) / UNIT * UNIT : Long.MAX_VALUE;
            var before = map.floorEntry(s);
            if (before != null && before.getValue() >= s) {
                s = before.getKey();
                e = Math.max(e, before.getValue());
            }
            for (var it = map.subMap(s, true, e, true).entrySet().iterator(); it.hasNext();) {
                e = Math.max(e, it.next().getValue());
                it.remove();
            }
            map.put(s, e);
        }

        void remove(long from, long to) {
            if (from >= to) {
                return;
            }
            var before = map.lowerEntry(from);
            if (before != null && before.getValue() > from) {
                map.put(before.getKey(), from);
                if (before.getValue() > to) {
                    map.put(to, before.getValue());
                }
            }
            for (var it = map.subMap(from, true, to, false).entrySet().iterator(); it.hasNext();) {
                var en = it.next();
                it.remove();
                if (en.getValue() > to) {
                    map.put(to, en.getValue());
                }
            }
        }
    }

    private final Map<Object, Ranges> sparse = new HashMap<>();

    synchronized boolean isSparse(Object key) {
        return sparse.containsKey(key);
    }

    synchronized boolean any() {
        return !sparse.isEmpty();
    }

    /** Makes the file sparse (all of it allocated) or not sparse. */
    synchronized void set(Object key, boolean on, long size) {
        if (!on) {
            sparse.remove(key);
        } else if (!sparse.containsKey(key)) {
            Ranges r = new Ranges();
            if (size > 0) {
                r.add(0, size);
            }
            sparse.put(key, r);
        }
    }

    synchronized void written(Object key, long from, long length) {
        Ranges r = sparse.get(key);
        if (r != null && length > 0) {
            r.add(from, from + length);
        }
    }

    /** [from, to) was zeroed in a file of {@code size} bytes: whole units in it (or past the end) are freed. */
    synchronized void zeroed(Object key, long from, long to, long size) {
        Ranges r = sparse.get(key);
        if (r == null) {
            return;
        }
        long s = (from + UNIT - 1) / UNIT * UNIT;
        long e = to >= size ? Long.MAX_VALUE : to / UNIT * UNIT;
        r.remove(s, e);
    }

    /** The file was cut to {@code size}: nothing past it stays allocated. */
    synchronized void truncated(Object key, long size) {
        Ranges r = sparse.get(key);
        if (r != null) {
            r.remove((size + UNIT - 1) / UNIT * UNIT, Long.MAX_VALUE);
        }
    }

    synchronized void forget(Object key) {
        sparse.remove(key);
    }

    /** The allocated ranges within [offset, offset+length) of a file of {@code size} bytes, as (offset, length) pairs. */
    synchronized List<long[]> allocated(Object key, long offset, long length, long size) {
        List<long[]> out = new ArrayList<>();
        long end = Math.min(size, length > Long.MAX_VALUE - offset ? Long.MAX_VALUE : offset + length);
        if (length <= 0 || offset >= end) {
            return out;
        }
        Ranges r = sparse.get(key);
        if (r == null) {
            out.add(new long[] {offset, end - offset});
            return out;
        }
        for (var en : r.map.entrySet()) {
            long s = Math.max(en.getKey(), offset);
            long e = Math.min(en.getValue(), end);
            if (s < e) {
                out.add(new long[] {s, e - s});
            }
        }
        return out;
    }
}
