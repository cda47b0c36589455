package org.smbscope.codec.kerberos;

import org.smbscope.codec.wire.Detail;

/** Ticket, RFC 4120 5.3: for whom ({@code sname@realm}) and under which key it is encrypted. */
public record Ticket(int tktVno, String realm, PrincipalName sname, EncryptedData encPart) {

    /** {@code cifs/fs.lab.test@LAB.TEST}. */
    public String server() {
        return sname.withRealm(realm);
    }

    Detail detail() {
        return Detail.of("ticket").field("tkt-vno", tktVno).field("realm", realm)
                .field("sname", KerberosText.principal(sname))
                .child(encPart.detail("enc-part"));
    }
}
