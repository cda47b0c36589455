package org.smbscope.server.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.util.HashMap;
import java.util.Map;

/**
 * Security descriptors clients set (CREATE's SecD context, SET_INFO SECURITY), kept per file: in the user
 * extended attribute {@code user.smbscope.sd} where the file system has them, else in memory for the life
 * of the server. Every file this server creates gets one ({@link Inheritance}); {@link FileSecurity} checks
 * access against it.
 */
final class SecurityStore {
    static final String XATTR = "smbscope.sd";
    /** Largest descriptor kept (Windows caps a descriptor at 64 KiB). */
    static final int MAX = 65536;
    /** The buffer of the first read attempt. */
    static final int FIRST_READ = 1024;

    private final Map<Object, byte[]> memory = new HashMap<>();
    private final MetaCache meta;

    SecurityStore(MetaCache meta) {
        this.meta = meta;
    }

    /** The stored descriptor of {@code p}, or null. */
    SdParts read(Path p) {
        FileFacts.Stat st = null;
        if (meta != null && Files.getFileAttributeView(p, UserDefinedFileAttributeView.class) != null) {
            try {
                st = FileFacts.stat(p); // one stat, instead of an open, a getxattr and a close for a kept one
            } catch (IOException e) {
                st = null;
            }
        }
        return read(p, st);
    }

    /** The stored descriptor of {@code p} whose stat is {@code st} (null: unknown), or null. */
    SdParts read(Path p, FileFacts.Stat st) {
        UserDefinedFileAttributeView v = Files.getFileAttributeView(p, UserDefinedFileAttributeView.class);
        if (v != null) {
            byte[] bytes = meta == null || st == null ? readXattr(v) : meta.get(p, st, MetaCache.SD, () -> readXattr(v));
            return bytes == null ? null : SdParts.parse(bytes);
        }
        Object key = key(p);
        synchronized (memory) {
            byte[] sd = key == null ? null : memory.get(key);
            return sd == null ? null : SdParts.parse(sd);
        }
    }

    /** The bytes of the attribute, or null. */
    private static byte[] readXattr(UserDefinedFileAttributeView v) {
        try {
            // most descriptors fit a small buffer: one read, without asking the size first
            ByteBuffer first = ByteBuffer.allocate(FIRST_READ);
            try {
                int n = v.read(XATTR, first);
                return n <= 0 ? null : java.util.Arrays.copyOf(first.array(), n);
            } catch (IOException tooSmallOrMissing) {
                // a larger descriptor (or none: then size() fails too)
            }
            int size = v.size(XATTR);
            if (size <= 0 || size > MAX) {
                return null;
            }
            ByteBuffer b = ByteBuffer.allocate(size);
            v.read(XATTR, b);
            return b.array();
        } catch (IOException | UnsupportedOperationException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Stores {@code sd} as {@code p}'s descriptor. */
    void write(Path p, SdParts sd) {
        writeNew(p, sd);
        if (meta != null) {
            meta.forget(p);
        }
    }

    /**
     * Stores {@code sd} on a file this server has just created (its creator {@link MetaCache#forget forgets} it):
     * the bytes stored in the extended attribute, or null when kept in memory instead.
     */
    byte[] writeNew(Path p, SdParts sd) {
        byte[] bytes = sd.write(SecurityDescriptors.OWNER | SecurityDescriptors.GROUP | SecurityDescriptors.DACL);
        UserDefinedFileAttributeView v = Files.getFileAttributeView(p, UserDefinedFileAttributeView.class);
        if (v != null) {
            try {
                v.write(XATTR, ByteBuffer.wrap(bytes));
                return bytes;
            } catch (IOException | UnsupportedOperationException | SecurityException | IllegalArgumentException e) {
                // fall back to memory
            }
        }
        Object key = key(p);
        if (key != null) {
            synchronized (memory) {
                memory.put(key, bytes);
            }
        }
        return null;
    }

    /** The file {@code p} is being deleted. */
    void forget(Path p) {
        synchronized (memory) {
            if (memory.isEmpty()) {
                return; // nothing kept in memory (the usual case: the descriptors are in xattrs): no stat
            }
        }
        Object key = key(p);
        if (key != null) {
            synchronized (memory) {
                memory.remove(key);
            }
        }
    }

    private static Object key(Path p) {
        try {
            Object k = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
            return java.util.List.of(p.getFileSystem(), k != null ? k : p.toRealPath().toString());
        } catch (IOException e) {
            return null;
        }
    }
}
