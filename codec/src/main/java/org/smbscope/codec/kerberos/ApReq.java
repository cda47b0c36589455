package org.smbscope.codec.kerberos;

import java.util.List;
import org.smbscope.codec.asn1.BitString;
import org.smbscope.codec.asn1.DerReader;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;

/**
 * KRB_AP_REQ, RFC 4120 5.5.1: a ticket and an authenticator. In SMB it is the Kerberos token of
 * the SESSION_SETUP; its ticket names the service the client asked for ({@code cifs/host}).
 */
public record ApReq(BitString apOptions, Ticket ticket, EncryptedData authenticator) implements KerberosMessage {
    @Override
    public MessageType type() {
        return MessageType.AP_REQ;
    }

    public boolean mutualRequired() {
        return apOptions.bit(2);
    }

    public List<String> apOptionNames() {
        return KerberosText.apOptions(apOptions);
    }

    static ApReq read(DerReader app) throws DecodeException {
        DerReader seq = app.sequence("AP-REQ");
        app.expectEnd("AP-REQ");
        KerberosReader.pvno(seq, 0);
        KerberosReader.msgType(seq, 1, 14);
        BitString options = KerberosReader.bits(seq, "ap-options", 2);
        Ticket ticket = KerberosReader.ticket(seq, "ticket", 3);
        EncryptedData auth = KerberosReader.encryptedData(seq, "authenticator", 4);
        seq.expectEnd("AP-REQ");
        return new ApReq(options, ticket, auth);
    }

    @Override
    public Detail detail() {
        return Detail.of("ap-req").field("pvno", 5).field("msg-type", type())
                .field("ap-options", KerberosText.flags(apOptions, apOptionNames())).child(ticket.detail())
                .child(authenticator.detail("authenticator"));
    }

    @Override
    public String toString() {
        return "AP-REQ[ticket for " + ticket.server() + " (" + ticket.encPart().etype().name() + ", kvno "
                + ticket.encPart().kvno() + ")" + (mutualRequired() ? ", mutual" : "") + "]";
    }
}
