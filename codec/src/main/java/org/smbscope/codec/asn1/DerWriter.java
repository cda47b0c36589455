package org.smbscope.codec.asn1;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Writes DER (X.690 10): definite minimal lengths; constructed elements are built by a nested
 * writer given to a callback, e.g. {@code w.sequence(s -> s.explicit(0, m -> m.oid(oid)))}.
 */
public final class DerWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    /** Writes one element with the given identifier octet and content. */
    public DerWriter element(int identifier, byte[] content) {
        out.write(identifier);
        writeLength(content.length);
        out.writeBytes(content);
        return this;
    }

    private void writeLength(int n) {
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n > 0xffffff ? 4 : n > 0xffff ? 3 : n > 0xff ? 2 : 1;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
    }

    /** Copies already encoded elements. */
    public DerWriter raw(byte[] encoded) {
        out.writeBytes(encoded);
        return this;
    }

    public DerWriter constructed(int tagClass, int number, Consumer<DerWriter> body) {
        if (number > 30) {
            throw new IllegalArgumentException("high tag numbers are not written");
        }
        DerWriter inner = new DerWriter();
        body.accept(inner);
        return element((tagClass << 6) | 0x20 | number, inner.toByteArray());
    }

    public DerWriter sequence(Consumer<DerWriter> body) {
        return constructed(Tlv.UNIVERSAL, 16, body);
    }

    public DerWriter explicit(int n, Consumer<DerWriter> body) {
        return constructed(Tlv.CONTEXT, n, body);
    }

    public DerWriter application(int n, Consumer<DerWriter> body) {
        return constructed(Tlv.APPLICATION, n, body);
    }

    public DerWriter oid(Oid oid) {
        return element(0x06, oid.encodeContent());
    }

    public DerWriter integer(BigInteger v) {
        return element(0x02, v.toByteArray());
    }

    public DerWriter integer(long v) {
        return integer(BigInteger.valueOf(v));
    }

    public DerWriter enumerated(int v) {
        return element(0x0a, BigInteger.valueOf(v).toByteArray());
    }

    public DerWriter bool(boolean v) {
        return element(0x01, new byte[] {(byte) (v ? 0xff : 0)});
    }

    public DerWriter octetString(byte[] v) {
        return element(0x04, v);
    }

    public DerWriter bitString(BitString v) {
        byte[] bits = v.bytes();
        byte[] c = new byte[bits.length + 1];
        c[0] = (byte) v.unusedBits();
        System.arraycopy(bits, 0, c, 1, bits.length);
        return element(0x03, c);
    }

    public DerWriter generalString(String v) {
        return element(0x1b, v.getBytes(StandardCharsets.ISO_8859_1));
    }

    public DerWriter generalizedTime(String v) {
        return element(0x18, v.getBytes(StandardCharsets.ISO_8859_1));
    }
}
