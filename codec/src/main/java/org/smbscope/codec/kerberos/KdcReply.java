package org.smbscope.codec.kerberos;

import java.util.List;
import org.smbscope.codec.asn1.DerReader;
import org.smbscope.codec.asn1.Tlv;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;

/**
 * AS-REP ({@code [APPLICATION 11]}) or TGS-REP ({@code [APPLICATION 13]}): KDC-REP, RFC 4120 5.4.2.
 * The ticket's server name and the encryption types are what the troubleshooter shows.
 */
public record KdcReply(MessageType type, List<PaData> padata, String crealm, PrincipalName cname, Ticket ticket,
        EncryptedData encPart) implements KerberosMessage {

    public KdcReply {
        padata = List.copyOf(padata);
    }

    /** {@code alice@LAB.TEST}. */
    public String client() {
        return cname.withRealm(crealm);
    }

    static KdcReply read(DerReader app, int n) throws DecodeException {
        DerReader seq = app.sequence("KDC-REP");
        app.expectEnd("KDC-REP");
        KerberosReader.pvno(seq, 0);
        MessageType type = KerberosReader.msgType(seq, 1, n);
        List<PaData> padata = seq.peekIs(Tlv.CONTEXT, 2) ? KerberosReader.paDataList(seq, "padata", 2) : List.of();
        String crealm = KerberosReader.string(seq, "crealm", 3);
        PrincipalName cname = KerberosReader.principal(seq, "cname", 4);
        Ticket ticket = KerberosReader.ticket(seq, "ticket", 5);
        EncryptedData enc = KerberosReader.encryptedData(seq, "enc-part", 6);
        seq.expectEnd("KDC-REP");
        return new KdcReply(type, padata, crealm, cname, ticket, enc);
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of(type.value() == 11 ? "as-rep" : "tgs-rep").field("pvno", 5).field("msg-type", type);
        if (!padata.isEmpty()) {
            Detail p = Detail.of("padata: " + padata.size() + " item" + (padata.size() == 1 ? "" : "s"));
            padata.forEach(x -> p.child(x.detail()));
            d.child(p);
        }
        return d.field("crealm", crealm).field("cname", KerberosText.principal(cname)).child(ticket.detail())
                .child(encPart.detail("enc-part"));
    }

    @Override
    public String toString() {
        return type.name() + "[" + client() + ", ticket for " + ticket.server() + " (" + ticket.encPart().etype().name()
                + "), enc-part " + encPart.etype().name() + "]";
    }
}
