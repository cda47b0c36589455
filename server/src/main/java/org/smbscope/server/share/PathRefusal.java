package org.smbscope.server.share;

/** Why an SMB path cannot be used, with the NTSTATUS Windows answers for it. */
public final class PathRefusal extends Exception {
    /** STATUS_OBJECT_NAME_INVALID. */
    public static final int OBJECT_NAME_INVALID = 0xC0000033;
    /** STATUS_OBJECT_PATH_SYNTAX_BAD. */
    public static final int OBJECT_PATH_SYNTAX_BAD = 0xC000003B;
    /** STATUS_ACCESS_DENIED. */
    public static final int ACCESS_DENIED = 0xC0000022;
    /** STATUS_OBJECT_PATH_NOT_FOUND. */
    public static final int OBJECT_PATH_NOT_FOUND = 0xC000003A;

    private final int status;

    PathRefusal(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
