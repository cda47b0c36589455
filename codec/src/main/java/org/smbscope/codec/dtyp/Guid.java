package org.smbscope.codec.dtyp;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * A GUID, [MS-DTYP] 2.3.4: Data1 (u32 LE), Data2 (u16 LE), Data3 (u16 LE), Data4 (8 bytes), kept as
 * the 16 wire bytes. Text form "6ba7b810-9dad-11d1-80b4-00c04fd430c8".
 */
public final class Guid {
    public static final Guid ZERO = new Guid(new byte[16]);
    private final byte[] wire;

    private Guid(byte[] wire) {
        this.wire = wire;
    }

    /** From the 16 bytes as they appear on the wire. */
    public static Guid fromWire(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("a GUID has 16 bytes, not " + bytes.length);
        }
        return new Guid(bytes.clone());
    }

    /** From the text form, with or without braces. */
    public static Guid parse(String text) {
        String s = text.strip();
        if (s.startsWith("{") && s.endsWith("}")) {
            s = s.substring(1, s.length() - 1);
        }
        UUID u = UUID.fromString(s);
        byte[] be = new byte[16];
        long hi = u.getMostSignificantBits();
        long lo = u.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            be[i] = (byte) (hi >>> (56 - 8 * i));
            be[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return new Guid(swap(be));
    }

    /** Random version-4 GUID from an injected random source. */
    public static Guid random(java.util.random.RandomGenerator random) {
        byte[] b = new byte[16];
        for (int i = 0; i < 16; i++) {
            b[i] = (byte) random.nextInt(256);
        }
        return new Guid(b);
    }

    public static Guid read(WireReader r, String field) throws DecodeException {
        return new Guid(r.bytes(field, 16));
    }

    public void write(WireWriter w) {
        w.bytes(wire);
    }

    public byte[] toWire() {
        return wire.clone();
    }

    /** The mixed-endian swap between wire order and text order (its own inverse). */
    private static byte[] swap(byte[] b) {
        byte[] o = b.clone();
        o[0] = b[3]; o[1] = b[2]; o[2] = b[1]; o[3] = b[0];
        o[4] = b[5]; o[5] = b[4];
        o[6] = b[7]; o[7] = b[6];
        return o;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Guid g && Arrays.equals(wire, g.wire);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(wire);
    }

    @Override
    public String toString() {
        String h = HexFormat.of().formatHex(swap(wire)).toLowerCase(Locale.ROOT);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-"
                + h.substring(16, 20) + "-" + h.substring(20);
    }
}
