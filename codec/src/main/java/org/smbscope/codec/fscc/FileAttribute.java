package org.smbscope.codec.fscc;

import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;

/** File attributes, [MS-FSCC] 2.6. Bits not named here are dropped by {@link #fromMask(int)}; use
 * {@link #unknownBits(int)} to see them. */
public enum FileAttribute {
    READONLY(0x1, "R"),
    HIDDEN(0x2, "H"),
    SYSTEM(0x4, "S"),
    DIRECTORY(0x10, "D"),
    ARCHIVE(0x20, "A"),
    NORMAL(0x80, "N"),
    TEMPORARY(0x100, "T"),
    SPARSE_FILE(0x200, "P"),
    REPARSE_POINT(0x400, "L"),
    COMPRESSED(0x800, "C"),
    OFFLINE(0x1000, "O"),
    NOT_CONTENT_INDEXED(0x2000, "I"),
    ENCRYPTED(0x4000, "E"),
    INTEGRITY_STREAM(0x8000, "V"),
    NO_SCRUB_DATA(0x20000, "X"),
    RECALL_ON_OPEN(0x40000, "Q"),
    PINNED(0x80000, "B"),
    UNPINNED(0x100000, "U"),
    RECALL_ON_DATA_ACCESS(0x400000, "M");

    private final int bit;
    private final String letter;

    FileAttribute(int bit, String letter) {
        this.bit = bit;
        this.letter = letter;
    }

    public int bit() {
        return bit;
    }

    /** The letter smbclient's {@code ls} shows (D, A, H, S, R, N...). */
    public String letter() {
        return letter;
    }

    public static EnumSet<FileAttribute> fromMask(int mask) {
        EnumSet<FileAttribute> s = EnumSet.noneOf(FileAttribute.class);
        for (FileAttribute a : values()) {
            if ((mask & a.bit) != 0) {
                s.add(a);
            }
        }
        return s;
    }

    public static int toMask(Set<FileAttribute> attributes) {
        int m = 0;
        for (FileAttribute a : attributes) {
            m |= a.bit;
        }
        return m;
    }

    public static int unknownBits(int mask) {
        int known = 0;
        for (FileAttribute a : values()) {
            known |= a.bit;
        }
        return mask & ~known;
    }

    /** "0x00000010 (DIRECTORY)". */
    public static String describe(int mask) {
        StringJoiner j = new StringJoiner("|");
        for (FileAttribute a : fromMask(mask)) {
            j.add(a.name());
        }
        return String.format("0x%08x", mask) + (mask == 0 ? "" : " (" + j + ")");
    }
}
