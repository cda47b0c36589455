package org.smbscope.codec.asn1;

import java.util.Arrays;

/** A BIT STRING (X.690 8.6): the octets and how many bits of the last octet are unused. */
public record BitString(byte[] bytes, int unusedBits) {
    public BitString {
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Bit {@code n}, counting from the most significant bit of the first octet (ASN.1 order). */
    public boolean bit(int n) {
        int i = n / 8;
        return n >= 0 && i < bytes.length && (bytes[i] & (0x80 >> (n % 8))) != 0;
    }

    public int bitLength() {
        return bytes.length * 8 - unusedBits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BitString b && b.unusedBits == unusedBits && Arrays.equals(b.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes) + unusedBits;
    }
}
