package org.smbscope.codec.ntlm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.smbscope.codec.wire.Hex;

/** One AV_PAIR, [MS-NLMP] 2.2.2.1: an id and its raw value. */
public record AvPair(AvId id, byte[] value) {
    /** MsvAvFlags bit: the AUTHENTICATE message carries a MIC. */
    public static final long FLAG_MIC_PRESENT = 0x2;
    /** MsvAvFlags bit: the client's account authentication is constrained. */
    public static final long FLAG_CONSTRAINED = 0x1;
    /** MsvAvFlags bit: the SPN in MsvAvTargetName came from an untrusted source. */
    public static final long FLAG_UNTRUSTED_SPN = 0x4;

    public AvPair {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    public static AvPair text(AvId id, String text) {
        return new AvPair(id, text.getBytes(StandardCharsets.UTF_16LE));
    }

    public static AvPair flags(long flags) {
        return new AvPair(AvId.MSV_AV_FLAGS, le(flags, 4));
    }

    public static AvPair timestamp(long fileTime) {
        return new AvPair(AvId.MSV_AV_TIMESTAMP, le(fileTime, 8));
    }

    private static byte[] le(long v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
        return b;
    }

    /** The value as a little-endian number (flags, timestamp); 0 if empty. */
    public long asLong() {
        long v = 0;
        for (int i = Math.min(8, value.length) - 1; i >= 0; i--) {
            v = (v << 8) | (value[i] & 0xff);
        }
        return v;
    }

    public String asText() {
        return new String(value, StandardCharsets.UTF_16LE);
    }

    /** The value as Wireshark would show it. */
    public String render() {
        if (id.isText()) {
            return asText();
        }
        if (id.equals(AvId.MSV_AV_FLAGS)) {
            long f = asLong();
            StringBuilder sb = new StringBuilder(String.format("0x%08x", f));
            if ((f & FLAG_CONSTRAINED) != 0) {
                sb.append(", constrained");
            }
            if ((f & FLAG_MIC_PRESENT) != 0) {
                sb.append(", MIC present");
            }
            if ((f & FLAG_UNTRUSTED_SPN) != 0) {
                sb.append(", untrusted SPN source");
            }
            return sb.toString();
        }
        if (id.equals(AvId.MSV_AV_TIMESTAMP)) {
            return FileTime.toInstant(asLong()).toString();
        }
        return Hex.format(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvPair p && p.id.equals(id) && Arrays.equals(p.value, value);
    }

    @Override
    public int hashCode() {
        return id.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return id.name() + ": " + render();
    }
}
