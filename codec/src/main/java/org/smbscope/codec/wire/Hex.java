package org.smbscope.codec.wire;

import java.util.HexFormat;

/**
 * Hex text to bytes and back. {@link #parse(String)} accepts the annotated form the golden tests
 * use: whitespace is ignored and everything from {@code #} to the end of a line is a comment.
 */
public final class Hex {
    private static final HexFormat LOWER = HexFormat.of();

    private Hex() {
    }

    /** Parses annotated hex ("fe 53 4d 42  # ProtocolId"). */
    public static byte[] parse(String annotated) {
        StringBuilder digits = new StringBuilder(annotated.length());
        for (String line : annotated.split("\n", -1)) {
            int hash = line.indexOf('#');
            String code = hash >= 0 ? line.substring(0, hash) : line;
            for (int i = 0; i < code.length(); i++) {
                char c = code.charAt(i);
                if (!Character.isWhitespace(c) && c != ':') {
                    digits.append(c);
                }
            }
        }
        return LOWER.parseHex(digits);
    }

    /** Lower-case hex with no separators. */
    public static String format(byte[] bytes) {
        return LOWER.formatHex(bytes);
    }

    /** Lower-case hex with a separator between bytes ("00:0c:29:..."). */
    public static String format(byte[] bytes, String separator) {
        return HexFormat.ofDelimiter(separator).formatHex(bytes);
    }
}
