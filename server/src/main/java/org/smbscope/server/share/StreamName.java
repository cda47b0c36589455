package org.smbscope.server.share;

import java.util.Locale;

/**
 * An SMB path split into the file's path and its data stream, [MS-FSCC] 2.1.5 Pathname:
 * {@code file:stream}, {@code file:stream:$DATA} and {@code file::$DATA} (the default, unnamed stream). The
 * stream name may hold any character but {@code \}, {@code /}, {@code :} and NUL, at most 255 of them; the
 * type, when given, must be {@code $DATA} (any case). Everything else with a colon is
 * STATUS_OBJECT_NAME_INVALID: an empty stream name without a type ({@code file:}), an empty type
 * ({@code file:s:}), another type ({@code file:s:$FOO}), a colon in a directory component. The stream part
 * never becomes a path component: {@link #base()} still goes through {@link ShareRoot#resolve}, which refuses
 * every way out of the share.
 *
 * @param base   the path before the first colon ("" for the share root)
 * @param stream the named stream as the client spelt it, or null for the default data stream
 * @param explicitData true if the name said {@code ::$DATA} (the default stream by name)
 */
public record StreamName(String base, String stream, boolean explicitData) {
    /** Longest stream name, in UTF-16 code units, as NTFS. */
    public static final int MAX_NAME = 255;
    private static final String DATA = "$DATA";

    /** True if {@code smbPath} names a stream (has a colon at all). */
    public static boolean hasStream(String smbPath) {
        return smbPath.indexOf(':') >= 0;
    }

    /** Splits {@code smbPath}; a path without a colon is its own base with the default stream. */
    public static StreamName parse(String smbPath) throws PathRefusal {
        int colon = smbPath.indexOf(':');
        if (colon < 0) {
            return new StreamName(smbPath, null, false);
        }
        String base = smbPath.substring(0, colon);
        String rest = smbPath.substring(colon + 1);
        if (base.endsWith("\\")) {
            throw new PathRefusal(PathRefusal.OBJECT_NAME_INVALID, "stream of an empty file name");
        }
        int second = rest.indexOf(':');
        String name = second < 0 ? rest : rest.substring(0, second);
        String type = second < 0 ? null : rest.substring(second + 1);
        if (type != null && !type.equalsIgnoreCase(DATA)) {
            throw new PathRefusal(PathRefusal.OBJECT_NAME_INVALID,
                    type.isEmpty() ? "empty stream type" : "stream type other than $DATA");
        }
        if (name.isEmpty()) {
            if (type == null) {
                throw new PathRefusal(PathRefusal.OBJECT_NAME_INVALID, "empty stream name");
            }
            return new StreamName(base, null, true);
        }
        if (name.length() > MAX_NAME) {
            throw new PathRefusal(PathRefusal.OBJECT_NAME_INVALID, "stream name too long");
        }
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == 0 || ch == '\\' || ch == '/') {
                throw new PathRefusal(PathRefusal.OBJECT_NAME_INVALID, "invalid character in stream name");
            }
        }
        return new StreamName(base, name, false);
    }

    /** True for a named stream (not the default data stream). */
    public boolean named() {
        return stream != null;
    }

    /** Stream names compare ignoring case: the key two spellings of one stream share. */
    public static String key(String stream) {
        return stream.toUpperCase(Locale.ROOT);
    }
}
