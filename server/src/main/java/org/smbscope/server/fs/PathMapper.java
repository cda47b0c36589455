package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.share.PathRefusal;
import org.smbscope.server.share.ShareRoot;
import org.smbscope.server.share.StreamName;

/**
 * SMB names to paths of the share: through {@link ShareRoot} (which refuses every way out), with Windows'
 * case-insensitive lookup on a case-sensitive file system (a missing component is looked for in its
 * directory ignoring case) and the default data stream suffix {@code ::$DATA} accepted.
 */
final class PathMapper {
    private static final String DEFAULT_STREAM = "::$DATA";
    private final ShareRoot root;
    private final DirectoryNames names;

    PathMapper(ShareRoot root, DirectoryNames names) {
        this.root = root;
        this.names = names;
    }

    Path root() {
        return root.root();
    }

    /** The share-relative SMB name of {@code p} ("" for the root). */
    String smbName(Path p) {
        return root.smbName(p);
    }

    /** The path for {@code smbName}, matching existing names case-insensitively. */
    Path resolve(String smbName) throws Failure {
        // Samba's clients (smbtorture among them) may send '/' as a separator; Windows accepts it too
        String name = smbName.replace('/', '\\');
        if (name.length() >= DEFAULT_STREAM.length()
                && name.substring(name.length() - DEFAULT_STREAM.length()).equalsIgnoreCase(DEFAULT_STREAM)) {
            name = name.substring(0, name.length() - DEFAULT_STREAM.length());
        }
        return resolveBase(name);
    }

    /** A file's path and the stream of it a name asks for ({@code stream} null: the default data stream). */
    record Target(Path path, StreamName name) {
    }

    /**
     * {@code smbName} split by {@link StreamName#parse} ([MS-FSCC] 2.1.5), its file part resolved like
     * {@link #resolve}: the stream name never takes part in the path.
     */
    Target resolveStream(String smbName) throws Failure {
        StreamName sn;
        try {
            sn = StreamName.parse(smbName);
        } catch (PathRefusal r) {
            throw new Failure(new NtStatus(r.status()));
        }
        if (!sn.named() && !sn.explicitData()) {
            return new Target(resolve(smbName), sn);
        }
        return new Target(resolveBase(sn.base().replace('/', '\\')), sn);
    }

    private Path resolveBase(String name) throws Failure {
        Path p = refuse(name);
        if (p.equals(root.root()) || Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
            return p;
        }
        Path fixed = caseFold(p);
        if (fixed.equals(p)) {
            return p;
        }
        return refuse(root.smbName(fixed));
    }

    private Path refuse(String name) throws Failure {
        try {
            return root.resolve(name);
        } catch (PathRefusal r) {
            throw new Failure(new NtStatus(r.status()));
        }
    }

    /** Each missing component replaced by an existing entry of its directory that differs only in case. */
    private Path caseFold(Path p) {
        Path rel = root.root().relativize(p);
        Path cur = root.root();
        for (int i = 0; i < rel.getNameCount(); i++) {
            String c = rel.getName(i).toString();
            Path direct = cur.resolve(c);
            if (Files.exists(direct, LinkOption.NOFOLLOW_LINKS)) {
                cur = direct;
                continue;
            }
            Path found = lookup(cur, c);
            if (found == null) {
                for (int j = i; j < rel.getNameCount(); j++) {
                    cur = cur.resolve(rel.getName(j).toString());
                }
                return cur;
            }
            cur = found;
        }
        return cur;
    }

    private Path lookup(Path dir, String name) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(dir, BasicFileAttributes.class);
        } catch (IOException | SecurityException e) {
            return null;
        }
        return a.isDirectory() ? names.find(dir, a, name) : null;
    }
}
