package org.smbscope.codec.kerberos;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.asn1.BitString;
import org.smbscope.codec.asn1.DerReader;
import org.smbscope.codec.asn1.Tlv;
import org.smbscope.codec.wire.DecodeException;

/**
 * Reads the RFC 4120 5 building blocks from a {@link DerReader} whose errors are
 * {@link KerberosDecodeException}s. Every element is read through the reader's bounded windows;
 * lists grow one decoded element at a time, never by a declared count.
 */
final class KerberosReader {
    private static final DateTimeFormatter GENERALIZED = DateTimeFormatter.ofPattern("uuuuMMddHHmmss'Z'");

    private KerberosReader() {
    }

    static DerReader reader(byte[] bytes) {
        return DerReader.of(bytes, KerberosDecodeException::new);
    }

    static KerberosDecodeException wrap(DecodeException e) {
        return e instanceof KerberosDecodeException k ? k : new KerberosDecodeException(e.field(), e.offset(), e.detail());
    }

    /** {@code [n] INTEGER} fitting in 32 bits (Int32 or UInt32). */
    static long int32(DerReader r, String field, int tag) throws DecodeException {
        DerReader t = r.explicit(field, tag);
        int at = t.offset();
        long v = t.longInteger(field);
        if (v < Integer.MIN_VALUE || v > 0xFFFFFFFFL) {
            throw t.fail(field, "value " + v + " does not fit in 32 bits (at " + at + ")");
        }
        t.expectEnd(field);
        return v;
    }

    static Long optionalInt32(DerReader r, String field, int tag) throws DecodeException {
        return r.peekIs(Tlv.CONTEXT, tag) ? int32(r, field, tag) : null;
    }

    static int pvno(DerReader r, int tag) throws DecodeException {
        long v = int32(r, "pvno", tag);
        if (v != 5) {
            throw r.fail("pvno", "protocol version " + v + ", not 5");
        }
        return 5;
    }

    static MessageType msgType(DerReader r, int tag, int expected) throws DecodeException {
        long v = int32(r, "msg-type", tag);
        if (v != expected) {
            throw r.fail("msg-type", "msg-type " + v + " in a message tagged [APPLICATION " + expected + "]");
        }
        return new MessageType(expected);
    }

    static String string(DerReader r, String field, int tag) throws DecodeException {
        DerReader t = r.explicit(field, tag);
        String s = t.generalString(field);
        t.expectEnd(field);
        return s;
    }

    static String optionalString(DerReader r, String field, int tag) throws DecodeException {
        return r.peekIs(Tlv.CONTEXT, tag) ? string(r, field, tag) : null;
    }

    static Instant time(DerReader r, String field, int tag) throws DecodeException {
        DerReader t = r.explicit(field, tag);
        int at = t.offset();
        String text = t.generalizedTime(field);
        t.expectEnd(field);
        try {
            return LocalDateTime.parse(text, GENERALIZED).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw t.fail(field, "KerberosTime '" + text.replaceAll("[^ -~]", "?") + "' is not YYYYMMDDHHMMSSZ (at " + at + ")");
        }
    }

    static Instant optionalTime(DerReader r, String field, int tag) throws DecodeException {
        return r.peekIs(Tlv.CONTEXT, tag) ? time(r, field, tag) : null;
    }

    static BitString bits(DerReader r, String field, int tag) throws DecodeException {
        DerReader t = r.explicit(field, tag);
        BitString b = t.bitString(field);
        t.expectEnd(field);
        return b;
    }

    static byte[] octets(DerReader r, String field, int tag) throws DecodeException {
        DerReader t = r.explicit(field, tag);
        byte[] b = t.octetString(field);
        t.expectEnd(field);
        return b;
    }

    static PrincipalName principal(DerReader r, String field, int tag) throws DecodeException {
        DerReader t = r.explicit(field, tag);
        DerReader seq = t.sequence(field);
        t.expectEnd(field);
        NameType type = new NameType((int) int32(seq, "name-type", 0));
        DerReader strings = seq.explicit("name-string", 1);
        DerReader list = strings.sequence("name-string");
        strings.expectEnd("name-string");
        List<String> parts = new ArrayList<>();
        while (list.hasRemaining()) {
            parts.add(list.generalString("KerberosString"));
        }
        seq.expectEnd(field);
        return new PrincipalName(type, parts);
    }

    static PrincipalName optionalPrincipal(DerReader r, String field, int tag) throws DecodeException {
        return r.peekIs(Tlv.CONTEXT, tag) ? principal(r, field, tag) : null;
    }

    static EncryptedData encryptedData(DerReader r, String field, int tag) throws DecodeException {
        DerReader t = r.explicit(field, tag);
        EncryptedData e = encryptedData(t, field);
        t.expectEnd(field);
        return e;
    }

    private static EncryptedData encryptedData(DerReader r, String field) throws DecodeException {
        DerReader seq = r.sequence(field);
        EncryptionType etype = new EncryptionType((int) int32(seq, "etype", 0));
        Long kvno = optionalInt32(seq, "kvno", 1);
        byte[] cipher = octets(seq, "cipher", 2);
        seq.expectEnd(field);
        return new EncryptedData(etype, kvno, cipher);
    }

    static EncryptedData encryptedData(byte[] bytes) throws KerberosDecodeException {
        try {
            DerReader r = reader(bytes);
            EncryptedData e = encryptedData(r, "EncryptedData");
            r.expectEnd("EncryptedData");
            return e;
        } catch (DecodeException e) {
            throw wrap(e);
        }
    }

    static Ticket ticket(DerReader r, String field) throws DecodeException {
        DerReader app = r.enter(field, Tlv.APPLICATION, 1);
        DerReader seq = app.sequence(field);
        app.expectEnd(field);
        int vno = pvno(seq, 0);
        String realm = string(seq, "realm", 1);
        PrincipalName sname = principal(seq, "sname", 2);
        EncryptedData enc = encryptedData(seq, "enc-part", 3);
        seq.expectEnd(field);
        return new Ticket(vno, realm, sname, enc);
    }

    static Ticket ticket(DerReader r, String field, int tag) throws DecodeException {
        DerReader t = r.explicit(field, tag);
        Ticket ticket = ticket(t, field);
        t.expectEnd(field);
        return ticket;
    }

    /** {@code SEQUENCE OF PA-DATA} (also METHOD-DATA, the e-data of KDC_ERR_PREAUTH_REQUIRED). */
    static List<PaData> paDataList(DerReader r, String field) throws DecodeException {
        DerReader list = r.sequence(field);
        List<PaData> out = new ArrayList<>();
        while (list.hasRemaining()) {
            DerReader pa = list.sequence("PA-DATA");
            PaDataType type = new PaDataType((int) int32(pa, "padata-type", 1));
            byte[] value = octets(pa, "padata-value", 2);
            pa.expectEnd("PA-DATA");
            out.add(new PaData(type, value));
        }
        return out;
    }

    static List<PaData> paDataList(DerReader r, String field, int tag) throws DecodeException {
        DerReader t = r.explicit(field, tag);
        List<PaData> l = paDataList(t, field);
        t.expectEnd(field);
        return l;
    }

    static List<PaData> methodData(byte[] bytes) throws KerberosDecodeException {
        try {
            DerReader r = reader(bytes);
            List<PaData> l = paDataList(r, "METHOD-DATA");
            r.expectEnd("METHOD-DATA");
            return l;
        } catch (DecodeException e) {
            throw wrap(e);
        }
    }

    static ApReq apReq(byte[] bytes) throws KerberosDecodeException {
        if (KerberosMessage.decode(bytes) instanceof ApReq a) {
            return a;
        }
        throw new KerberosDecodeException("AP-REQ", 0, "not an AP-REQ");
    }

    /** ETYPE-INFO2, RFC 4120 5.2.7.5, as "aes256-cts-hmac-sha1-96 (18), salt LAB.TESTalice". */
    static List<String> etypeInfo2(byte[] bytes) throws KerberosDecodeException {
        try {
            DerReader r = reader(bytes);
            DerReader list = r.sequence("ETYPE-INFO2");
            r.expectEnd("ETYPE-INFO2");
            List<String> out = new ArrayList<>();
            while (list.hasRemaining()) {
                DerReader e = list.sequence("ETYPE-INFO2-ENTRY");
                EncryptionType etype = new EncryptionType((int) int32(e, "etype", 0));
                String salt = optionalString(e, "salt", 1);
                if (e.peekIs(Tlv.CONTEXT, 2)) {
                    octets(e, "s2kparams", 2);
                }
                e.expectEnd("ETYPE-INFO2-ENTRY");
                out.add(etype + (salt == null ? "" : ", salt " + salt));
            }
            return out;
        } catch (DecodeException e) {
            throw wrap(e);
        }
    }

    /** KERB-PA-PAC-REQUEST, [MS-KILE] 2.2.3: {@code SEQUENCE { include-pac [0] BOOLEAN }}. */
    static boolean pacRequest(byte[] bytes) throws KerberosDecodeException {
        try {
            DerReader r = reader(bytes);
            DerReader seq = r.sequence("KERB-PA-PAC-REQUEST");
            DerReader t = seq.explicit("include-pac", 0);
            boolean b = t.bool("include-pac");
            t.expectEnd("include-pac");
            seq.expectEnd("KERB-PA-PAC-REQUEST");
            r.expectEnd("KERB-PA-PAC-REQUEST");
            return b;
        } catch (DecodeException e) {
            throw wrap(e);
        }
    }
}
