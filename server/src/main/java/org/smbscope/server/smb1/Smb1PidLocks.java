package org.smbscope.server.smb1;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * SMB1 byte-range lock ownership by process: [MS-CIFS] 3.3.5.30 a lock belongs to the FID and the PID that took it,
 * so two processes sharing one FID conflict with each other, and only the owning PID can unlock. The tree handler
 * keeps locks per open (SMB2's model) and decides conflicts between opens; this table adds the PID dimension
 * within one open: lock, unlock, read and write checks against other PIDs' ranges on the same FID.
 */
final class Smb1PidLocks {
    private record Range(int pid, long offset, long length, boolean exclusive) {
        boolean overlaps(long off, long len) {
            return length != 0 && len != 0 && Long.compareUnsigned(off, last(offset, length)) <= 0
                    && Long.compareUnsigned(offset, last(off, len)) <= 0;
        }

        /** The last byte of a non-empty range, unsigned, at most 2^64 - 1. */
        private static long last(long off, long len) {
            return Long.compareUnsigned(len - 1, -1L - off) > 0 ? -1L : off + len - 1;
        }
    }

    private final Map<Smb1Files.Open, List<Range>> ranges = new HashMap<>();

    /** Whether another PID's lock on this open forbids {@code pid} to take this lock. */
    boolean lockConflicts(Smb1Files.Open o, int pid, long offset, long length, boolean exclusive) {
        return any(o, r -> r.pid() != pid && r.overlaps(offset, length) && (exclusive || r.exclusive()));
    }

    /** Whether another PID's lock on this open forbids {@code pid} to read the range (an exclusive lock does). */
    boolean readConflicts(Smb1Files.Open o, int pid, long offset, long length) {
        return any(o, r -> r.pid() != pid && r.exclusive() && r.overlaps(offset, length));
    }

    /** Whether another PID's lock on this open forbids {@code pid} to write the range (any lock does). */
    boolean writeConflicts(Smb1Files.Open o, int pid, long offset, long length) {
        return any(o, r -> r.pid() != pid && r.overlaps(offset, length));
    }

    void add(Smb1Files.Open o, int pid, long offset, long length, boolean exclusive) {
        ranges.computeIfAbsent(o, k -> new ArrayList<>()).add(new Range(pid, offset, length, exclusive));
    }

    /**
     * Removes {@code pid}'s lock with exactly this range; false when this open has the range only from other
     * PIDs (the unlock must fail with RANGE_NOT_LOCKED). True also when no PID has it (the handler decides).
     */
    boolean remove(Smb1Files.Open o, int pid, long offset, long length) {
        List<Range> l = ranges.get(o);
        if (l == null) {
            return true;
        }
        for (int i = 0; i < l.size(); i++) {
            Range r = l.get(i);
            if (r.pid() == pid && r.offset() == offset && r.length() == length) {
                l.remove(i);
                if (l.isEmpty()) {
                    ranges.remove(o);
                }
                return true;
            }
        }
        return l.stream().noneMatch(r -> r.offset() == offset && r.length() == length);
    }

    void forget(Smb1Files.Open o) {
        ranges.remove(o);
    }

    void forgetIf(Predicate<Smb1Files.Open> p) {
        ranges.keySet().removeIf(p);
    }

    private boolean any(Smb1Files.Open o, Predicate<Range> p) {
        List<Range> l = ranges.get(o);
        return l != null && l.stream().anyMatch(p);
    }
}
