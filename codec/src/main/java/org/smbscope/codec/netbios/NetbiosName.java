package org.smbscope.codec.netbios;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A NetBIOS name: up to 15 characters, a one-byte suffix (the "16th character", naming the
 * service) and a NetBIOS scope ID (empty for none), RFC 1001 section 14 and RFC 1002 section 4.1.
 *
 * <p>{@link #name()} is the name without its padding: trailing spaces are removed, and the
 * wildcard {@code *} (padded with NULs on the wire) is just {@code "*"}. The special browser name
 * {@code \x01\x02__MSBROWSE__\x02} keeps its control characters. Factories {@link #of} and
 * {@link #parse} upper-case; the canonical constructor keeps the name as given, so decoded names
 * keep their case.
 *
 * <p>Wire form: {@link #encode()} gives the second-level encoding (first-level encoded name as a
 * 32-byte label, then the scope labels, then a zero byte); {@link #decode(byte[])} reads one.
 */
public record NetbiosName(String name, int suffix, String scope) implements Comparable<NetbiosName> {

    /** Maximum length of a name without its suffix. */
    public static final int MAX_NAME_LENGTH = 15;
    /** The browser's special name, {@code \x01\x02__MSBROWSE__\x02}, used with suffix 0x01. */
    public static final String MSBROWSE = "\u0001\u0002__MSBROWSE__\u0002";
    /** The wildcard name used by node status requests. */
    public static final String WILDCARD = "*";
    /** Longest second-level encoded name, RFC 1002 4.1 (as in DNS, RFC 883). */
    public static final int MAX_ENCODED_LENGTH = 255;

    public NetbiosName {
        if (name == null || scope == null) {
            throw new IllegalArgumentException("name and scope must not be null");
        }
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("NetBIOS name must have 1 to 15 characters: \"" + name + "\"");
        }
        for (int i = 0; i < name.length(); i++) {
            if (name.charAt(i) > 0xFF) {
                throw new IllegalArgumentException("NetBIOS name character outside Latin-1: \"" + name + "\"");
            }
        }
        if (suffix < 0 || suffix > 0xFF) {
            throw new IllegalArgumentException("suffix must be 0..255: " + suffix);
        }
        int total = 1 + 32 + 1;
        if (!scope.isEmpty()) {
            for (String label : scope.split("\\.", -1)) {
                if (label.isEmpty() || label.length() > 63) {
                    throw new IllegalArgumentException("scope label must have 1 to 63 characters: \"" + scope + "\"");
                }
                for (int i = 0; i < label.length(); i++) {
                    if (label.charAt(i) > 0xFF) {
                        throw new IllegalArgumentException("scope character outside Latin-1: \"" + scope + "\"");
                    }
                }
                total += 1 + label.length();
            }
        }
        if (total > MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException("encoded name longer than 255 bytes: scope \"" + scope + "\"");
        }
    }

    /** A name with no scope; upper-cased. */
    public static NetbiosName of(String name, int suffix) {
        return of(name, suffix, "");
    }

    /** A name with a scope; the name is upper-cased (the wildcard and __MSBROWSE__ are kept). */
    public static NetbiosName of(String name, int suffix, String scope) {
        String n = name;
        if (!n.equals(WILDCARD) && !n.equals(MSBROWSE)) {
            n = stripTrailingSpaces(n.toUpperCase(Locale.ROOT));
        }
        return new NetbiosName(n, suffix, scope);
    }

    /** The wildcard name {@code *<00>} that node status requests ask for. */
    public static NetbiosName wildcard() {
        return new NetbiosName(WILDCARD, 0x00, "");
    }

    /** {@code \x01\x02__MSBROWSE__\x02<01>}, registered by local master browsers. */
    public static NetbiosName msBrowse() {
        return new NetbiosName(MSBROWSE, 0x01, "");
    }

    /**
     * Parses a name as users type it: {@code "LAB10"} (suffix {@code defaultSuffix}),
     * {@code "LAB10#20"}, {@code "LAB10<1d>"}, {@code "*"} (the wildcard, suffix 0) or
     * {@code "__MSBROWSE__"} (suffix 1).
     *
     * @throws IllegalArgumentException if the text is not a valid name
     */
    public static NetbiosName parse(String text, int defaultSuffix) {
        String t = text.strip();
        Integer explicit = null;
        int hash = t.lastIndexOf('#');
        if (hash >= 0) {
            explicit = parseHexSuffix(t.substring(hash + 1), text);
            t = t.substring(0, hash);
        } else if (t.endsWith(">") && t.lastIndexOf('<') > 0) {
            int lt = t.lastIndexOf('<');
            explicit = parseHexSuffix(t.substring(lt + 1, t.length() - 1), text);
            t = t.substring(0, lt);
        }
        if (t.equals(WILDCARD)) {
            return new NetbiosName(WILDCARD, explicit != null ? explicit : 0x00, "");
        }
        if (t.equalsIgnoreCase("__MSBROWSE__") || t.equals(MSBROWSE)) {
            return new NetbiosName(MSBROWSE, explicit != null ? explicit : 0x01, "");
        }
        return of(t, explicit != null ? explicit : defaultSuffix);
    }

    /** {@link #parse(String, int)} with the default suffix 0x20 (file server), as nmblookup. */
    public static NetbiosName parse(String text) {
        return parse(text, 0x20);
    }

    private static int parseHexSuffix(String hex, String text) {
        if (hex.isEmpty() || hex.length() > 2) {
            throw new IllegalArgumentException("bad NetBIOS suffix in \"" + text + "\"");
        }
        try {
            return Integer.parseInt(hex, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad NetBIOS suffix in \"" + text + "\"", e);
        }
    }

    static String stripTrailingSpaces(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == ' ') {
            end--;
        }
        return s.substring(0, end);
    }

    /** The same name in another scope. */
    public NetbiosName withScope(String newScope) {
        return new NetbiosName(name, suffix, newScope);
    }

    /** The same name with another suffix. */
    public NetbiosName withSuffix(int newSuffix) {
        return new NetbiosName(name, newSuffix, scope);
    }

    public boolean isWildcard() {
        return name.equals(WILDCARD);
    }

    public boolean isMsBrowse() {
        return name.equals(MSBROWSE);
    }

    /** The suffix as an open code with its meaning. */
    public NameSuffix nameSuffix() {
        return NameSuffix.of(suffix);
    }

    /**
     * The 16 raw bytes: the name padded to 15 bytes (with spaces; with NULs for the wildcard and
     * __MSBROWSE__), then the suffix.
     */
    public byte[] rawBytes() {
        byte[] out = new byte[16];
        byte[] n = name.getBytes(StandardCharsets.ISO_8859_1);
        byte pad = isWildcard() || isMsBrowse() ? (byte) 0 : (byte) ' ';
        for (int i = 0; i < 15; i++) {
            out[i] = i < n.length ? n[i] : pad;
        }
        out[15] = (byte) suffix;
        return out;
    }

    /** The first-level encoding, RFC 1001 14.1: 32 characters 'A'..'P', two per raw byte. */
    public String firstLevel() {
        return NameCodec.firstLevel(rawBytes());
    }

    /** The second-level encoding (labels, no compression), as found in NBNS, NBDS and NBSS. */
    public byte[] encode() {
        return NameCodec.encode(this);
    }

    /** Decodes one second-level encoded name that must fill {@code wire} exactly (no pointers). */
    public static NetbiosName decode(byte[] wire) throws NetbiosDecodeException {
        return NameCodec.decodeStandalone(wire);
    }

    /** The name as Wireshark shows it: {@code LAB10<20>}, with the scope after a dot. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append(String.format("<%02x>", suffix));
        if (!scope.isEmpty()) {
            sb.append('.').append(scope);
        }
        return sb.toString();
    }

    @Override
    public int compareTo(NetbiosName o) {
        int c = name.compareTo(o.name);
        if (c == 0) {
            c = Integer.compare(suffix, o.suffix);
        }
        return c != 0 ? c : scope.compareTo(o.scope);
    }
}
