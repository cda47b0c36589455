package org.smbscope.server.fs;

import java.util.Locale;

/**
 * Name matching for QUERY_DIRECTORY patterns, [MS-FSA] 2.1.4.4 (FsRtlIsNameInExpression), case-insensitive:
 * {@code *} any run, {@code ?} one character, and the DOS forms {@code <} (DOS_STAR: any run up to the last
 * dot), {@code >} (DOS_QM: one character, or nothing before a dot or at the end) and {@code "} (DOS_DOT: a
 * dot, or nothing at the end).
 */
final class Wildcard {
    private final String pattern;
    private final boolean matchAll;
    private final boolean literal;

    private Wildcard(String pattern) {
        this.pattern = pattern.toUpperCase(Locale.ROOT);
        this.matchAll = pattern.equals("*") || pattern.equals("*.*") || pattern.equals("<.*") || pattern.isEmpty();
        this.literal = pattern.chars().noneMatch(c -> c == '*' || c == '?' || c == '<' || c == '>' || c == '"');
    }

    static Wildcard of(String pattern) {
        return new Wildcard(pattern);
    }

    /** True if the pattern has no wildcard characters (a lookup of one name). */
    boolean isLiteral() {
        return literal;
    }

    boolean matches(String name) {
        if (matchAll) {
            return true;
        }
        String n = name.toUpperCase(Locale.ROOT);
        if (literal) {
            return n.equals(pattern);
        }
        // dynamic programming over (pattern position, name position)
        int p = pattern.length();
        int len = n.length();
        boolean[] cur = new boolean[len + 1];
        cur[0] = true;
        for (int i = 0; i < p; i++) {
            char c = pattern.charAt(i);
            boolean[] next = new boolean[len + 1];
            for (int j = 0; j <= len; j++) {
                if (!cur[j]) {
                    continue;
                }
                switch (c) {
                    case '*' -> {
                        for (int k = j; k <= len; k++) {
                            next[k] = true;
                        }
                    }
                    case '?' -> {
                        if (j < len) {
                            next[j + 1] = true;
                        }
                    }
                    case '<' -> {
                        // any run that does not pass the last dot of the name
                        int lastDot = n.lastIndexOf('.');
                        if (lastDot < j) {
                            lastDot = -1;
                        }
                        next[j] = true;
                        for (int k = j; k < len; k++) {
                            if (lastDot >= 0 && k >= lastDot) {
                                break;
                            }
                            next[k + 1] = true;
                        }
                        if (lastDot < 0) {
                            for (int k = j; k <= len; k++) {
                                next[k] = true;
                            }
                        }
                    }
                    case '>' -> {
                        if (j < len && n.charAt(j) != '.') {
                            next[j + 1] = true;
                        }
                        if (j == len || n.charAt(j) == '.') {
                            next[j] = true;
                        }
                    }
                    case '"' -> {
                        if (j < len && n.charAt(j) == '.') {
                            next[j + 1] = true;
                        }
                        if (j == len) {
                            next[j] = true;
                        }
                    }
                    default -> {
                        if (j < len && n.charAt(j) == c) {
                            next[j + 1] = true;
                        }
                    }
                }
            }
            cur = next;
        }
        return cur[len];
    }
}
