package org.smbscope.codec.asn1;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/**
 * An OBJECT IDENTIFIER in dotted form ("1.3.6.1.5.5.2"), X.690 8.19. Arcs are kept as text so
 * that arbitrarily large arcs survive a round trip.
 */
public record Oid(String dotted) {
    public static final Oid SPNEGO = new Oid("1.3.6.1.5.5.2");
    public static final Oid NTLMSSP = new Oid("1.3.6.1.4.1.311.2.2.10");
    public static final Oid KERBEROS = new Oid("1.2.840.113554.1.2.2");
    public static final Oid MS_KERBEROS = new Oid("1.2.840.48018.1.2.2");
    public static final Oid KERBEROS_USER_TO_USER = new Oid("1.2.840.113554.1.2.2.3");
    public static final Oid NEGOEX = new Oid("1.3.6.1.4.1.311.2.2.30");

    public Oid {
        if (!dotted.matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
            throw new IllegalArgumentException("not a dotted OID: " + dotted);
        }
    }

    /** The name Wireshark shows for well-known mechanisms, or the dotted form. */
    public String name() {
        return switch (dotted) {
            case "1.3.6.1.5.5.2" -> "SPNEGO";
            case "1.3.6.1.4.1.311.2.2.10" -> "NTLMSSP - Microsoft NTLM Security Support Provider";
            case "1.2.840.113554.1.2.2" -> "KRB5 - Kerberos 5";
            case "1.2.840.48018.1.2.2" -> "MS KRB5 - Microsoft Kerberos 5";
            case "1.2.840.113554.1.2.2.3" -> "KRB5 - Kerberos 5 - User to User";
            case "1.3.6.1.4.1.311.2.2.30" -> "NEGOEX - SPNEGO Extended Negotiation Security Mechanism";
            default -> dotted;
        };
    }

    @Override
    public String toString() {
        return dotted + " (" + name() + ")";
    }

    /** The content octets (without tag and length). */
    public byte[] encodeContent() {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BigInteger first = new BigInteger(arcs[0]).multiply(BigInteger.valueOf(40)).add(new BigInteger(arcs[1]));
        base128(out, first);
        for (int i = 2; i < arcs.length; i++) {
            base128(out, new BigInteger(arcs[i]));
        }
        return out.toByteArray();
    }

    private static void base128(ByteArrayOutputStream out, BigInteger v) {
        int groups = Math.max(1, (v.bitLength() + 6) / 7);
        for (int g = groups - 1; g >= 0; g--) {
            int b = v.shiftRight(7 * g).intValue() & 0x7f;
            out.write(g == 0 ? b : b | 0x80);
        }
    }

    /** Decodes content octets; {@code null} if they are not a valid DER OID. */
    static Oid decodeContent(byte[] content) {
        if (content.length == 0 || (content[content.length - 1] & 0x80) != 0) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        BigInteger acc = BigInteger.ZERO;
        boolean firstArc = true;
        boolean startOfArc = true;
        for (byte b : content) {
            if (startOfArc && (b & 0xff) == 0x80) {
                return null; // non-minimal encoding
            }
            acc = acc.shiftLeft(7).or(BigInteger.valueOf(b & 0x7f));
            startOfArc = (b & 0x80) == 0;
            if (startOfArc) {
                if (firstArc) {
                    BigInteger forty = BigInteger.valueOf(40);
                    if (acc.compareTo(BigInteger.valueOf(80)) < 0) {
                        BigInteger[] qr = acc.divideAndRemainder(forty);
                        sb.append(qr[0]).append('.').append(qr[1]);
                    } else {
                        sb.append("2.").append(acc.subtract(BigInteger.valueOf(80)));
                    }
                    firstArc = false;
                } else {
                    sb.append('.').append(acc);
                }
                acc = BigInteger.ZERO;
            }
        }
        return new Oid(sb.toString());
    }
}
