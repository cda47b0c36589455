package org.smbscope.codec.netbios;

import java.util.HexFormat;

/**
 * A 48-bit hardware address, as the UNIT_ID of a node status response (RFC 1002 4.2.18). Samba
 * sends all zeros.
 */
public record MacAddress(long value) {
    public static final MacAddress ZERO = new MacAddress(0);

    public MacAddress {
        if (value < 0 || value > 0xFFFF_FFFF_FFFFL) {
            throw new IllegalArgumentException("MAC address must fit in 48 bits");
        }
    }

    /** From 6 bytes at {@code b[off..off+6)}. */
    public static MacAddress of(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 6; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return new MacAddress(v);
    }

    public static MacAddress of(byte[] six) {
        if (six.length != 6) {
            throw new IllegalArgumentException("MAC address needs 6 bytes");
        }
        return of(six, 0);
    }

    public byte[] bytes() {
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (value >>> (40 - 8 * i));
        }
        return b;
    }

    /** {@code 00:0c:29:ab:cd:ef}. */
    @Override
    public String toString() {
        return HexFormat.ofDelimiter(":").formatHex(bytes());
    }
}
