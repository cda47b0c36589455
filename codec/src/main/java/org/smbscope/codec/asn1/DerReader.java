package org.smbscope.codec.asn1;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.DecodeErrors;
import org.smbscope.codec.wire.WireReader;

/**
 * Reads DER elements (X.690 8.1) one after another from a bounded window. Constructed elements
 * are entered with {@link #enter}, which returns a reader confined to their content; lengths are
 * checked against the enclosing window before anything is read or allocated. Indefinite lengths
 * (0x80) and lengths of more than four octets are decode errors.
 *
 * <p>Errors are reported through the {@link DecodeErrors} given at creation, so SPNEGO and
 * Kerberos decoders surface their own exception types.
 */
public final class DerReader {
    private final WireReader in;

    private DerReader(WireReader in) {
        this.in = in;
    }

    /** A reader over the whole array reporting {@link Asn1DecodeException}s. */
    public static DerReader of(byte[] der) {
        return new DerReader(WireReader.of(der, Asn1DecodeException::new));
    }

    /** A reader over the whole array reporting errors through {@code errors}. */
    public static DerReader of(byte[] der, DecodeErrors errors) {
        return new DerReader(WireReader.of(der, errors));
    }

    /** A reader over the remaining bytes of {@code in}'s window (which it consumes). */
    public static DerReader of(WireReader in) {
        return new DerReader(in);
    }

    public boolean hasRemaining() {
        return in.hasRemaining();
    }

    /** Offset of the next element from the start of the outermost message. */
    public int offset() {
        return in.offset();
    }

    public DecodeException fail(String field, String detail) {
        return in.fail(field, detail);
    }

    /** Whether the next element has this class and number (false at the end). */
    public boolean peekIs(int tagClass, int tagNumber) throws DecodeException {
        if (!in.hasRemaining()) {
            return false;
        }
        int b = in.peekU8("identifier");
        int number = b & 0x1f;
        return (b >> 6) == tagClass && number == tagNumber && number != 0x1f;
    }

    /** The identifier octet of the next element. */
    public int peekIdentifier(String field) throws DecodeException {
        return in.peekU8(field);
    }

    private record Header(int tagClass, boolean constructed, int number, int offset, int length) {
    }

    private Header header(String field) throws DecodeException {
        int at = in.offset();
        int b = in.u8(field + " identifier");
        int cls = b >> 6;
        boolean constructed = (b & 0x20) != 0;
        int number = b & 0x1f;
        if (number == 0x1f) {
            number = 0;
            for (int i = 0; ; i++) {
                if (i == 4) {
                    throw in.failAt(field, at, "tag number too large");
                }
                int c = in.u8(field + " tag number");
                number = (number << 7) | (c & 0x7f);
                if ((c & 0x80) == 0) {
                    break;
                }
            }
        }
        int l = in.u8(field + " length");
        int length;
        if (l < 0x80) {
            length = l;
        } else if (l == 0x80) {
            throw in.failAt(field, at, "indefinite length is not DER");
        } else {
            int n = l & 0x7f;
            if (n > 4) {
                throw in.failAt(field, at, "length of " + n + " octets");
            }
            long v = 0;
            for (int i = 0; i < n; i++) {
                v = (v << 8) | in.u8(field + " length");
            }
            if (v > Integer.MAX_VALUE) {
                throw in.failAt(field, at, "length " + v + " too large");
            }
            length = (int) v;
        }
        if (length > in.remaining()) {
            throw in.failAt(field, at, "length " + length + " past the end (" + in.remaining() + " bytes left)");
        }
        return new Header(cls, constructed, number, at, length);
    }

    /** Reads the next element whatever it is. */
    public Tlv next(String field) throws DecodeException {
        Header h = header(field);
        return new Tlv(h.tagClass, h.constructed, h.number, h.offset, in.bytes(field, h.length));
    }

    /** The complete encoding (identifier, length, content) of the next element. */
    public byte[] rawElement(String field) throws DecodeException {
        int start = in.position();
        Header h = header(field);
        in.skip(field, h.length);
        int end = in.position();
        in.seek(field, start);
        return in.bytes(field, end - start);
    }

    private Header expect(String field, int tagClass, int number, Boolean constructed) throws DecodeException {
        int at = in.offset();
        Header h = header(field);
        if (h.tagClass != tagClass || h.number != number) {
            throw in.failAt(field, at, "expected " + name(tagClass, number) + ", found " + name(h.tagClass, h.number));
        }
        if (constructed != null && h.constructed != constructed) {
            throw in.failAt(field, at, (constructed ? "primitive" : "constructed") + " encoding not allowed");
        }
        return h;
    }

    private static String name(int cls, int number) {
        return new Tlv(cls, false, number, 0, new byte[0]).tagName();
    }

    /** Enters a constructed element of this class and number; the result reads its content. */
    public DerReader enter(String field, int tagClass, int number) throws DecodeException {
        Header h = expect(field, tagClass, number, Boolean.TRUE);
        return new DerReader(in.window(field, h.length));
    }

    public DerReader sequence(String field) throws DecodeException {
        return enter(field, Tlv.UNIVERSAL, 16);
    }

    /** Enters an explicit context tag {@code [n]}. */
    public DerReader explicit(String field, int n) throws DecodeException {
        return enter(field, Tlv.CONTEXT, n);
    }

    /** Enters {@code [n]} if it comes next, otherwise returns null. */
    public DerReader optionalExplicit(String field, int n) throws DecodeException {
        return peekIs(Tlv.CONTEXT, n) ? explicit(field, n) : null;
    }

    private byte[] primitive(String field, int number) throws DecodeException {
        Header h = expect(field, Tlv.UNIVERSAL, number, Boolean.FALSE);
        return in.bytes(field, h.length);
    }

    public Oid oid(String field) throws DecodeException {
        int at = in.offset();
        Oid oid = Oid.decodeContent(primitive(field, 6));
        if (oid == null) {
            throw in.failAt(field, at, "malformed OBJECT IDENTIFIER");
        }
        return oid;
    }

    public BigInteger integer(String field) throws DecodeException {
        int at = in.offset();
        byte[] c = primitive(field, 2);
        if (c.length == 0) {
            throw in.failAt(field, at, "empty INTEGER");
        }
        return new BigInteger(c);
    }

    /** An INTEGER that must fit in a signed 64-bit value. */
    public long longInteger(String field) throws DecodeException {
        int at = in.offset();
        BigInteger v = integer(field);
        if (v.bitLength() > 63) {
            throw in.failAt(field, at, "INTEGER too large");
        }
        return v.longValue();
    }

    public int enumerated(String field) throws DecodeException {
        int at = in.offset();
        byte[] c = primitive(field, 10);
        if (c.length == 0 || c.length > 4) {
            throw in.failAt(field, at, "ENUMERATED of " + c.length + " octets");
        }
        return new BigInteger(c).intValue();
    }

    public boolean bool(String field) throws DecodeException {
        int at = in.offset();
        byte[] c = primitive(field, 1);
        if (c.length != 1) {
            throw in.failAt(field, at, "BOOLEAN of " + c.length + " octets");
        }
        return c[0] != 0;
    }

    public byte[] octetString(String field) throws DecodeException {
        return primitive(field, 4);
    }

    public BitString bitString(String field) throws DecodeException {
        int at = in.offset();
        byte[] c = primitive(field, 3);
        if (c.length == 0 || (c[0] & 0xff) > 7 || (c.length == 1 && c[0] != 0)) {
            throw in.failAt(field, at, "malformed BIT STRING");
        }
        byte[] bits = new byte[c.length - 1];
        System.arraycopy(c, 1, bits, 0, bits.length);
        return new BitString(bits, c[0] & 0xff);
    }

    /** GeneralString (tag 27), read as Latin-1; Kerberos names and realms use it. */
    public String generalString(String field) throws DecodeException {
        return new String(primitive(field, 27), StandardCharsets.ISO_8859_1);
    }

    /** GeneralizedTime (tag 24) as its text, e.g. "20261121010203Z". */
    public String generalizedTime(String field) throws DecodeException {
        return new String(primitive(field, 24), StandardCharsets.ISO_8859_1);
    }

    /** The rest of the window as raw bytes (for a non-DER tail such as a GSS-API token's TOK_ID and body). */
    public byte[] remainingBytes(String field) throws DecodeException {
        return in.bytes(field, in.remaining());
    }

    public void expectEnd(String field) throws DecodeException {
        in.expectEnd(field);
    }
}
