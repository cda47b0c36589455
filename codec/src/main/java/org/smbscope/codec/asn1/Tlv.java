package org.smbscope.codec.asn1;

import java.util.Arrays;

/**
 * One DER element: identifier octet, definite length and content. {@link #offset()} is where the
 * identifier octet sits in the outermost message. Only low-tag-number form (tag &lt; 31) is
 * produced; high-tag-number identifiers are decoded.
 */
public record Tlv(int tagClass, boolean constructed, int tagNumber, int offset, byte[] content) {
    public static final int UNIVERSAL = 0;
    public static final int APPLICATION = 1;
    public static final int CONTEXT = 2;
    public static final int PRIVATE = 3;

    public Tlv {
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    int length() {
        return content.length;
    }

    public boolean is(int cls, int number) {
        return tagClass == cls && tagNumber == number;
    }

    /** "[2]", "[APPLICATION 0]", "UNIVERSAL 16". */
    public String tagName() {
        return switch (tagClass) {
            case CONTEXT -> "[" + tagNumber + "]";
            case APPLICATION -> "[APPLICATION " + tagNumber + "]";
            case PRIVATE -> "[PRIVATE " + tagNumber + "]";
            default -> "UNIVERSAL " + tagNumber;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tlv t && t.tagClass == tagClass && t.constructed == constructed
                && t.tagNumber == tagNumber && t.offset == offset && Arrays.equals(t.content, content);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(content) * 31 + tagNumber;
    }
}
