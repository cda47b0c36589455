package org.smbscope.codec.smb2;

import java.util.StringJoiner;

/** Renders flag words and code names for the value types of this package. */
final class Bits {
    private Bits() {
    }

    /** Pairs of (bit, name). */
    record Names(int[] bits, String[] names) {
        String flags(int value, String format) {
            StringJoiner j = new StringJoiner("|");
            int rest = value;
            for (int i = 0; i < bits.length; i++) {
                if (bits[i] != 0 && (rest & bits[i]) == bits[i]) {
                    j.add(names[i]);
                    rest &= ~bits[i];
                }
            }
            if (rest != 0) {
                j.add(String.format("0x%x", rest));
            }
            String hex = String.format(format, value);
            return value == 0 ? hex : hex + " (" + j + ")";
        }

        /** The name of an exact code, or null. */
        String code(int value) {
            for (int i = 0; i < bits.length; i++) {
                if (bits[i] == value) {
                    return names[i];
                }
            }
            return null;
        }
    }

    static Names names(Object... pairs) {
        int n = pairs.length / 2;
        int[] bits = new int[n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            bits[i] = (Integer) pairs[2 * i];
            names[i] = (String) pairs[2 * i + 1];
        }
        return new Names(bits, names);
    }

    static String hex(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }

    /** Hex of at most 32 bytes, with the total length when longer. */
    static String preview(byte[] b) {
        if (b.length <= 32) {
            return b.length + " bytes" + (b.length == 0 ? "" : ": " + hex(b));
        }
        return b.length + " bytes: " + hex(java.util.Arrays.copyOf(b, 32)) + "...";
    }
}
