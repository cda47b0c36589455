package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One enumeration of a directory open ([MS-FSA] 2.1.5.6.3): the pattern set by the first query (or a
 * restart), the names found then (".", ".." and the entries in case-insensitive order) and how far the
 * queries have got.
 */
final class DirectoryScan {
    final Wildcard pattern;
    final List<String> names;
    int cursor;
    boolean returnedAny;

    private DirectoryScan(Wildcard pattern, List<String> names) {
        this.pattern = pattern;
        this.names = names;
    }

    static DirectoryScan start(Path dir, String pattern) throws IOException {
        String p = pattern.isEmpty() ? "*" : pattern;
        Wildcard w = Wildcard.of(p);
        List<String> names = new ArrayList<>();
        if (w.isLiteral() && !p.equals(".") && !p.equals("..")) {
            Path direct = dir.resolve(p);
            if (Files.exists(direct, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Path real = direct.toRealPath(java.nio.file.LinkOption.NOFOLLOW_LINKS).getFileName();
                names.add(real == null ? p : real.toString());
                return new DirectoryScan(w, names);
            }
        }
        names.add(".");
        names.add("..");
        List<String> children = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path e : s) {
                Path f = e.getFileName();
                if (f != null) {
                    children.add(f.toString());
                }
            }
        }
        children.sort(String.CASE_INSENSITIVE_ORDER);
        names.addAll(children);
        return new DirectoryScan(w, names);
    }
}
