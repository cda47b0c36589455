package org.smbscope.server.share;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A share's directory tree as a {@code java.nio.file} path root: turns SMB path names ([MS-SMB2] 2.2.13
 * "relative to the share", backslash separated) into paths that can never leave the root, the way
 * MINA SSHD's rooted file system does. Refused: {@code ..} and {@code .} components (Windows clients resolve them
 * before sending), absolute paths and drive letters, {@code :stream} names (split them off first with
 * {@link StreamName}), DOS device names, characters Windows forbids, and paths whose real location (through
 * symbolic links) is outside the root.
 */
public final class ShareRoot {
    private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    private static final int MAX_COMPONENT = 255;
    private static final int MAX_PATH = 32767;

    private final Path root;
    private final Path realRoot;

    private ShareRoot(Path root, Path realRoot) {
        this.root = root;
        this.realRoot = realRoot;
    }

    /** A root at the existing directory {@code root}. */
    public static ShareRoot of(Path root) throws IOException {
        Objects.requireNonNull(root, "root");
        Path abs = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(abs)) {
            throw new NoSuchFileException(root.toString(), null, "share path is not a directory");
        }
        return new ShareRoot(abs, abs.toRealPath());
    }

    public Path root() {
        return root;
    }

    /**
     * The path for the SMB name {@code smbPath} ("" is the root). A leading backslash is tolerated
     * (some clients send one); forward slashes are not separators in SMB and are refused.
     */
    public Path resolve(String smbPath) throws PathRefusal {
        if (smbPath.length() > MAX_PATH) {
            throw new PathRefusal(PathRefusal.OBJECT_NAME_INVALID, "path too long");
        }
        String p = smbPath;
        if (p.startsWith("\\")) {
            if (p.startsWith("\\\\")) {
                throw new PathRefusal(PathRefusal.OBJECT_NAME_INVALID, "UNC path inside a share");
            }
            p = p.substring(1);
        }
        if (p.endsWith("\\")) {
            p = p.substring(0, p.length() - 1);
        }
        Path out = root;
        if (p.isEmpty()) {
            return out;
        }
        for (String c : p.split("\\\\", -1)) {
            checkComponent(c);
            out = out.resolve(c);
        }
        if (!out.normalize().startsWith(root)) {
            throw new PathRefusal(PathRefusal.ACCESS_DENIED, "outside the share");
        }
        checkReal(out);
        return out;
    }

    /** The share-relative SMB name of {@code path} (backslash separated, "" for the root). */
    public String smbName(Path path) {
        Path rel = root.relativize(path);
        StringBuilder sb = new StringBuilder();
        for (Path c : rel) {
            if (!sb.isEmpty()) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static void checkComponent(String c) throws PathRefusal {
        if (c.isEmpty()) {
            throw new PathRefusal(PathRefusal.OBJECT_NAME_INVALID, "empty path component");
        }
        if (c.equals(".") || c.equals("..")) {
            throw new PathRefusal(PathRefusal.OBJECT_PATH_SYNTAX_BAD, "'" + c + "' component");
        }
        if (c.length() > MAX_COMPONENT) {
            throw new PathRefusal(PathRefusal.OBJECT_NAME_INVALID, "component too long");
        }
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch < 0x20 || "/:*?\"<>|".indexOf(ch) >= 0) {
                throw new PathRefusal(PathRefusal.OBJECT_NAME_INVALID,
                        ch == ':' ? "alternate data streams are not supported" : "invalid character in name");
            }
        }
        String base = c;
        int dot = base.indexOf('.');
        if (dot >= 0) {
            base = base.substring(0, dot);
        }
        if (DEVICES.contains(base.strip().toUpperCase(Locale.ROOT))) {
            throw new PathRefusal(PathRefusal.OBJECT_NAME_INVALID, "DOS device name");
        }
    }

    /**
     * Checks that {@code p}'s real location stays under the real root: the components below the root are looked
     * at one by one (one lstat each, up to the first that does not exist); only when one of them is a symbolic
     * link (or something other than a file or directory) is the real path taken ({@link #checkRealPath}). The
     * root's own real path was taken once, when the share was made.
     */
    private void checkReal(Path p) throws PathRefusal {
        Path cur = root;
        for (Path name : root.relativize(p)) {
            cur = cur.resolve(name.toString());
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(cur, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return; // nothing at or below here exists
            } catch (IOException e) {
                checkRealPath(p);
                return;
            }
            if (a.isRegularFile()) {
                return; // nothing can exist below a file
            }
            if (!a.isDirectory()) {
                checkRealPath(p);
                return;
            }
        }
    }

    /** Walks up to the nearest existing ancestor and checks its real path stays under the real root. */
    private void checkRealPath(Path p) throws PathRefusal {
        Path cur = p;
        while (cur != null && cur.startsWith(root)) {
            if (Files.exists(cur, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Path real = cur.toRealPath();
                    if (!real.startsWith(realRoot)) {
                        throw new PathRefusal(PathRefusal.ACCESS_DENIED, "symbolic link leads outside the share");
                    }
                } catch (IOException e) {
                    // a dangling link: refuse, its target could be created outside
                    if (Files.isSymbolicLink(cur)) {
                        throw new PathRefusal(PathRefusal.ACCESS_DENIED, "dangling symbolic link");
                    }
                }
                return;
            }
            cur = cur.getParent();
        }
    }
}
