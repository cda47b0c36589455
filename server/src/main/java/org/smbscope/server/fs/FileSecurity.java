package org.smbscope.server.fs;

import java.nio.file.Path;

import org.smbscope.server.tree.SecurityToken;

/**
 * Access to a file of a share, [MS-FSA] 2.1.5.1.2.1 (existing files) and 2.1.5.1.2.2 (new ones): the file's
 * descriptor (stored, else {@link SecurityDescriptors#defaults the share's default}) through
 * {@link AccessCheck}, plus what the file system adds: FILE_READ_ATTRIBUTES always (reaching the file means
 * the directory could be listed, as Samba grants it), DELETE when the parent grants FILE_DELETE_CHILD, and at
 * most what the share allows (a read-only share).
 */
final class FileSecurity {
    private FileSecurity() {
    }

    /** The descriptor {@code p} has: the stored one, else the share's default. */
    static SdParts effective(Share share, Path p, boolean directory) {
        SdParts stored = share.files.security.read(p);
        return stored != null ? stored : SecurityDescriptors.defaults(share.readOnly, directory);
    }

    /** The rights {@code token} has on the existing {@code p}. */
    static int maximal(Share share, Path p, boolean directory, SecurityToken token) {
        return maximal(share, p, effective(share, p, directory), token);
    }

    /** The rights {@code token} has on the existing {@code p}, whose stat {@code st} was read just now. */
    static int maximal(Share share, Path p, FileFacts.Stat st, SecurityToken token) {
        SdParts stored = share.files.security.read(p, st);
        return maximal(share, p, stored != null ? stored : SecurityDescriptors.defaults(share.readOnly, st.directory()),
                token);
    }

    /** The rights {@code token} has on {@code p} whose descriptor is {@code sd}. */
    static int maximal(Share share, Path p, SdParts sd, SecurityToken token) {
        int m = AccessCheck.maximal(sd, token) | Access.READ_ATTRIBUTES;
        if ((m & Access.DELETE) == 0 && !p.equals(share.paths.root()) && p.getParent() != null
                && (onDirectory(share, p.getParent(), token) & Access.DELETE_CHILD) != 0) {
            m |= Access.DELETE;
        }
        return m & Access.maximal(share.readOnly);
    }

    /** The rights {@code token} has on the directory {@code dir} by its descriptor alone. */
    static int onDirectory(Share share, Path dir, SecurityToken token) {
        return AccessCheck.maximal(effective(share, dir, true), token);
    }
}
