package org.smbscope.server.fs;

/**
 * The share-access check between two opens of one file, [MS-FSA] 2.1.5.1.2.1: an open that has no data
 * or delete access takes no part; otherwise each side's access must be allowed by the other's sharing.
 */
final class ShareModes {
    static final int SHARE_READ = 0x1;
    static final int SHARE_WRITE = 0x2;
    static final int SHARE_DELETE = 0x4;

    private static final int RELEVANT = Access.READ_DATA | Access.WRITE_DATA | Access.APPEND_DATA | Access.EXECUTE
            | Access.DELETE;

    private ShareModes() {
    }

    static boolean takesPart(int access) {
        return (access & RELEVANT) != 0;
    }

    /** True if an open with {@code access}/{@code share} cannot coexist with one holding {@code heldAccess}/{@code heldShare}. */
    static boolean conflicts(int heldAccess, int heldShare, int access, int share) {
        if (!takesPart(heldAccess) || !takesPart(access)) {
            return false;
        }
        return one(heldAccess, share) || one(access, heldShare);
    }

    private static boolean one(int access, int share) {
        return (Access.readsData(access) && (share & SHARE_READ) == 0)
                || (Access.writesData(access) && (share & SHARE_WRITE) == 0)
                || ((access & Access.DELETE) != 0 && (share & SHARE_DELETE) == 0);
    }
}
