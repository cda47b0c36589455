package org.smbscope.codec.netbios;

import java.util.Arrays;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.Hex;

/** RDATA kept as bytes: NULL records, NS records and unknown types. */
public record RawRData(byte[] bytes) implements RData {
    public static final RawRData EMPTY = new RawRData(new byte[0]);

    public RawRData {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    int length() {
        return bytes.length;
    }

    byte[] bytesUnsafe() {
        return bytes;
    }

    @Override
    public void describe(Detail into) {
        if (bytes.length > 0) {
            into.field("Data", Hex.format(bytes));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawRData r && Arrays.equals(bytes, r.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "RawRData[" + Hex.format(bytes) + "]";
    }
}
