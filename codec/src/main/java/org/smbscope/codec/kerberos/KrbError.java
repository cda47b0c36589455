package org.smbscope.codec.kerberos;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.smbscope.codec.asn1.DerReader;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;

/**
 * KRB-ERROR, RFC 4120 5.9.1: what the KDC (or an acceptor) refused and why. For
 * KDC_ERR_PREAUTH_REQUIRED the e-data is METHOD-DATA, decoded by {@link #methodData()}.
 *
 * @param ctime  null when absent
 * @param cusec  null when absent
 * @param crealm null when absent
 * @param cname  null when absent
 * @param eText  null when absent
 * @param eData  null when absent
 */
public record KrbError(Instant ctime, Long cusec, Instant stime, long susec, ErrorCode errorCode, String crealm,
        PrincipalName cname, String realm, PrincipalName sname, String eText, byte[] eData) implements KerberosMessage {

    public KrbError {
        eData = eData == null ? null : eData.clone();
    }

    @Override
    public MessageType type() {
        return MessageType.KRB_ERROR;
    }

    @Override
    public byte[] eData() {
        return eData == null ? null : eData.clone();
    }

    /** The service the error is about, {@code sname@realm}. */
    public String service() {
        return sname.withRealm(realm);
    }

    /** The client, {@code cname@crealm}, or null. */
    public String client() {
        return cname == null ? null : cname.withRealm(crealm == null ? realm : crealm);
    }

    /** The e-data as METHOD-DATA (PA-DATA list), or an empty list when absent or not METHOD-DATA. */
    public List<PaData> methodData() {
        if (eData == null) {
            return List.of();
        }
        try {
            return KerberosReader.methodData(eData);
        } catch (KerberosDecodeException e) {
            return List.of();
        }
    }

    /** "KDC_ERR_S_PRINCIPAL_UNKNOWN (7): Server not found in Kerberos database". */
    public String summary() {
        String meaning = errorCode.meaning();
        return errorCode + (meaning.isEmpty() ? "" : ": " + meaning) + (eText == null || eText.isEmpty() ? ""
                : " [" + eText + "]");
    }

    static KrbError read(DerReader app) throws DecodeException {
        DerReader seq = app.sequence("KRB-ERROR");
        app.expectEnd("KRB-ERROR");
        KerberosReader.pvno(seq, 0);
        KerberosReader.msgType(seq, 1, 30);
        Instant ctime = KerberosReader.optionalTime(seq, "ctime", 2);
        Long cusec = KerberosReader.optionalInt32(seq, "cusec", 3);
        Instant stime = KerberosReader.time(seq, "stime", 4);
        long susec = KerberosReader.int32(seq, "susec", 5);
        ErrorCode code = new ErrorCode((int) KerberosReader.int32(seq, "error-code", 6));
        String crealm = KerberosReader.optionalString(seq, "crealm", 7);
        PrincipalName cname = KerberosReader.optionalPrincipal(seq, "cname", 8);
        String realm = KerberosReader.string(seq, "realm", 9);
        PrincipalName sname = KerberosReader.principal(seq, "sname", 10);
        String eText = KerberosReader.optionalString(seq, "e-text", 11);
        byte[] eData = seq.peekIs(org.smbscope.codec.asn1.Tlv.CONTEXT, 12) ? KerberosReader.octets(seq, "e-data", 12)
                : null;
        seq.expectEnd("KRB-ERROR");
        return new KrbError(ctime, cusec, stime, susec, code, crealm, cname, realm, sname, eText, eData);
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("krb-error").field("pvno", 5).field("msg-type", type());
        if (ctime != null) {
            d.field("ctime", KerberosText.time(ctime));
        }
        if (cusec != null) {
            d.field("cusec", cusec);
        }
        d.field("stime", KerberosText.time(stime)).field("susec", susec)
                .field("error-code", errorCode + (errorCode.meaning().isEmpty() ? "" : " - " + errorCode.meaning()));
        if (crealm != null) {
            d.field("crealm", crealm);
        }
        if (cname != null) {
            d.field("cname", KerberosText.principal(cname));
        }
        d.field("realm", realm).field("sname", KerberosText.principal(sname));
        if (eText != null) {
            d.field("e-text", eText);
        }
        if (eData != null) {
            List<PaData> md = methodData();
            if (md.isEmpty()) {
                d.field("e-data", eData.length + " bytes");
            } else {
                Detail e = Detail.of("e-data: METHOD-DATA, " + md.size() + " item" + (md.size() == 1 ? "" : "s"));
                md.forEach(p -> e.child(p.detail()));
                d.child(e);
            }
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KrbError k && Objects.equals(k.ctime, ctime) && Objects.equals(k.cusec, cusec)
                && k.stime.equals(stime) && k.susec == susec && k.errorCode.equals(errorCode)
                && Objects.equals(k.crealm, crealm) && Objects.equals(k.cname, cname) && k.realm.equals(realm)
                && k.sname.equals(sname) && Objects.equals(k.eText, eText) && Arrays.equals(k.eData, eData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(stime, errorCode, realm, sname, eText);
    }

    @Override
    public String toString() {
        return "KRB-ERROR[" + summary() + ", " + (client() == null ? "" : client() + " -> ") + service() + "]";
    }
}
