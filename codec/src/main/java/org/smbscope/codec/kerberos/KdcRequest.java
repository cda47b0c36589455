package org.smbscope.codec.kerberos;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.asn1.BitString;
import org.smbscope.codec.asn1.DerReader;
import org.smbscope.codec.asn1.Tlv;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;

/**
 * AS-REQ ({@code [APPLICATION 10]}) or TGS-REQ ({@code [APPLICATION 12]}): KDC-REQ and
 * KDC-REQ-BODY, RFC 4120 5.4.1. {@code addresses} and {@code enc-authorization-data} are
 * skipped (counted in {@link #skippedFields()}).
 *
 * @param cname  null when absent (always absent in a TGS-REQ)
 * @param sname  null when absent
 * @param from   null when absent
 * @param rtime  null when absent
 */
public record KdcRequest(MessageType type, List<PaData> padata, BitString kdcOptions, PrincipalName cname,
        String realm, PrincipalName sname, Instant from, Instant till, Instant rtime, long nonce,
        List<EncryptionType> etypes, List<Ticket> additionalTickets, int skippedFields) implements KerberosMessage {

    public KdcRequest {
        padata = List.copyOf(padata);
        etypes = List.copyOf(etypes);
        additionalTickets = List.copyOf(additionalTickets);
    }

    /** The service asked for, {@code sname@realm} ({@code cifs/fs.lab.test@LAB.TEST}); null if no sname. */
    public String service() {
        return sname == null ? null : sname.withRealm(realm);
    }

    /** The KDC options by name (forwardable, canonicalize, renewable-ok ...). */
    public List<String> kdcOptionNames() {
        return KerberosText.kdcOptions(kdcOptions);
    }

    public boolean canonicalize() {
        return kdcOptions.bit(15);
    }

    public boolean has(PaDataType paType) {
        return padata.stream().anyMatch(p -> p.type().equals(paType));
    }

    static KdcRequest read(DerReader app, int n) throws DecodeException {
        DerReader seq = app.sequence("KDC-REQ");
        app.expectEnd("KDC-REQ");
        KerberosReader.pvno(seq, 1);
        MessageType type = KerberosReader.msgType(seq, 2, n);
        List<PaData> padata = seq.peekIs(Tlv.CONTEXT, 3) ? KerberosReader.paDataList(seq, "padata", 3) : List.of();
        DerReader b = seq.explicit("req-body", 4);
        DerReader body = b.sequence("KDC-REQ-BODY");
        b.expectEnd("req-body");
        seq.expectEnd("KDC-REQ");
        BitString options = KerberosReader.bits(body, "kdc-options", 0);
        PrincipalName cname = KerberosReader.optionalPrincipal(body, "cname", 1);
        String realm = KerberosReader.string(body, "realm", 2);
        PrincipalName sname = KerberosReader.optionalPrincipal(body, "sname", 3);
        Instant from = KerberosReader.optionalTime(body, "from", 4);
        Instant till = KerberosReader.time(body, "till", 5);
        Instant rtime = KerberosReader.optionalTime(body, "rtime", 6);
        long nonce = KerberosReader.int32(body, "nonce", 7) & 0xFFFFFFFFL;
        DerReader e = body.explicit("etype", 8);
        DerReader list = e.sequence("etype");
        e.expectEnd("etype");
        List<EncryptionType> etypes = new ArrayList<>();
        while (list.hasRemaining()) {
            long v = list.longInteger("ENCTYPE");
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw list.fail("ENCTYPE", "value " + v + " does not fit in Int32");
            }
            etypes.add(new EncryptionType((int) v));
        }
        int skipped = 0;
        for (int tag = 9; tag <= 10; tag++) {
            if (body.peekIs(Tlv.CONTEXT, tag)) {
                body.next(tag == 9 ? "addresses" : "enc-authorization-data");
                skipped++;
            }
        }
        List<Ticket> tickets = new ArrayList<>();
        if (body.peekIs(Tlv.CONTEXT, 11)) {
            DerReader t = body.explicit("additional-tickets", 11);
            DerReader tl = t.sequence("additional-tickets");
            t.expectEnd("additional-tickets");
            while (tl.hasRemaining()) {
                tickets.add(KerberosReader.ticket(tl, "Ticket"));
            }
        }
        body.expectEnd("KDC-REQ-BODY");
        return new KdcRequest(type, padata, options, cname, realm, sname, from, till, rtime, nonce, etypes, tickets,
                skipped);
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of(type.value() == 10 ? "as-req" : "tgs-req").field("pvno", 5).field("msg-type", type);
        if (!padata.isEmpty()) {
            Detail p = Detail.of("padata: " + padata.size() + " item" + (padata.size() == 1 ? "" : "s"));
            padata.forEach(x -> p.child(x.detail()));
            d.child(p);
        }
        Detail body = Detail.of("req-body").field("kdc-options", KerberosText.flags(kdcOptions, kdcOptionNames()));
        if (cname != null) {
            body.field("cname", KerberosText.principal(cname));
        }
        body.field("realm", realm);
        if (sname != null) {
            body.field("sname", KerberosText.principal(sname));
        }
        if (from != null) {
            body.field("from", KerberosText.time(from));
        }
        body.field("till", KerberosText.time(till));
        if (rtime != null) {
            body.field("rtime", KerberosText.time(rtime));
        }
        body.field("nonce", nonce);
        Detail et = Detail.of("etype: " + etypes.size() + " item" + (etypes.size() == 1 ? "" : "s"));
        etypes.forEach(x -> et.field("ENCTYPE", x));
        body.child(et);
        additionalTickets.forEach(t -> body.child(t.detail()));
        if (skippedFields > 0) {
            body.field("not decoded", skippedFields + " field(s) (addresses, enc-authorization-data)");
        }
        return d.child(body);
    }

    @Override
    public String toString() {
        return type.name() + "[" + (cname == null ? "" : cname.withRealm(realm) + " -> ") + service() + ", etypes "
                + etypes.stream().map(EncryptionType::value).toList() + ", padata "
                + padata.stream().map(p -> p.type().name()).toList() + "]";
    }
}
