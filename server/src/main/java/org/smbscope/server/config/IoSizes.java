package org.smbscope.server.config;

import java.util.List;

/**
 * The largest READ, WRITE and transact (IOCTL, QUERY_INFO, QUERY_DIRECTORY, CHANGE_NOTIFY) sizes the server offers
 * in its NEGOTIATE response ([MS-SMB2] 2.2.4 MaxReadSize, MaxWriteSize, MaxTransactSize), from smb.conf(5)'s
 * {@code smb2 max read}, {@code smb2 max write} and {@code smb2 max trans}. Zero means "not set": the server's own
 * default applies. A set value is kept between 64 KiB (SMB 2.0.2's fixed size) and 8 MiB (our largest frame, and
 * Samba's default; Samba itself takes smaller values as they are and caps larger ones at almost 16 MiB).
 *
 * @param maxRead  {@code smb2 max read} in bytes, or 0
 * @param maxWrite {@code smb2 max write} in bytes, or 0
 * @param maxTrans {@code smb2 max trans} in bytes, or 0
 */
public record IoSizes(int maxRead, int maxWrite, int maxTrans) {
    /** Nothing set. */
    public static final IoSizes UNSET = new IoSizes(0, 0, 0);
    /** The smallest value accepted: SMB 2.0.2's 64 KiB. */
    public static final int MIN = 64 * 1024;
    /** The largest value accepted: 8 MiB, Samba's default and Windows' large-MTU size. */
    public static final int MAX = 8 * 1024 * 1024;

    public IoSizes {
        for (int v : new int[] {maxRead, maxWrite, maxTrans}) {
            if (v != 0 && (v < MIN || v > MAX)) {
                throw new IllegalArgumentException("smb2 max read/write/trans must be 64 KiB..8 MiB, was " + v);
            }
        }
    }

    /** Reads the three options from the [global] section; a value outside 64 KiB..8 MiB is clamped with a warning. */
    static IoSizes read(Options o, List<String> warnings) {
        return new IoSizes(one(o, "smb2maxread", warnings), one(o, "smb2maxwrite", warnings),
                one(o, "smb2maxtrans", warnings));
    }

    private static int one(Options o, String key, List<String> warnings) {
        int v = o.integer(key, 0);
        if (v == 0) {
            return 0;
        }
        int clamped = Math.max(MIN, Math.min(MAX, v));
        if (clamped != v) {
            warnings.add("global: " + key + " = " + v + " is outside 65536..8388608; using " + clamped);
        }
        return clamped;
    }
}
