package org.smbscope.codec.kerberos;

import org.smbscope.codec.asn1.DerReader;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;

/** KRB_AP_REP, RFC 4120 5.5.2: the acceptor's answer to a mutual-authentication AP-REQ. */
public record ApRep(EncryptedData encPart) implements KerberosMessage {
    @Override
    public MessageType type() {
        return MessageType.AP_REP;
    }

    static ApRep read(DerReader app) throws DecodeException {
        DerReader seq = app.sequence("AP-REP");
        app.expectEnd("AP-REP");
        KerberosReader.pvno(seq, 0);
        KerberosReader.msgType(seq, 1, 15);
        EncryptedData enc = KerberosReader.encryptedData(seq, "enc-part", 2);
        seq.expectEnd("AP-REP");
        return new ApRep(enc);
    }

    @Override
    public Detail detail() {
        return Detail.of("ap-rep").field("pvno", 5).field("msg-type", type()).child(encPart.detail("enc-part"));
    }
}
