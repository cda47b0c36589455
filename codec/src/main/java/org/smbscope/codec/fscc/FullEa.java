package org.smbscope.codec.fscc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One extended attribute as FILE_FULL_EA_INFORMATION carries it ([MS-FSCC] 2.4.15): Flags (0 or
 * {@link #NEED_EA}), an 8-bit name (the OEM bytes, kept as ISO-8859-1 characters) and a value of up to 65535
 * bytes. An empty value in a set request deletes the attribute.
 */
public record FullEa(int flags, String name, byte[] value) {
    /** FILE_NEED_EA: the file cannot be understood without this attribute. */
    public static final int NEED_EA = 0x80;
    public static final int MAX_NAME = 255;
    public static final int MAX_VALUE = 65535;

    public FullEa {
        Objects.requireNonNull(name);
        value = value.clone();
    }

    public static FullEa of(String name, String value) {
        return new FullEa(0, name, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public int valueLength() {
        return value.length;
    }

    /** The name's bytes on the wire. */
    public byte[] nameBytes() {
        return name.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Bytes of a FILE_FULL_EA_INFORMATION entry, unpadded: 8 + name + NUL + value. */
    public int fullSize() {
        return 8 + name.length() + 1 + value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FullEa e && e.flags == flags && e.name.equals(name) && Arrays.equals(e.value, value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags, name, Arrays.hashCode(value));
    }

    @Override
    public String toString() {
        return "FullEa[" + name + "=" + value.length + " bytes" + (flags != 0 ? ", flags 0x" + Integer.toHexString(flags) : "")
                + "]";
    }
}
