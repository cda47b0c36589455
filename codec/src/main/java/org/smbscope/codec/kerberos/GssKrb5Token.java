package org.smbscope.codec.kerberos;

import org.smbscope.codec.asn1.DerReader;
import org.smbscope.codec.asn1.Oid;
import org.smbscope.codec.asn1.Tlv;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;

/**
 * A Kerberos message in a GSS-API token, RFC 4121 4.1 (RFC 2743 3.1 framing): {@code 0x60},
 * the mechanism OID (Kerberos 1.2.840.113554.1.2.2, or Microsoft's 1.2.840.48018.1.2.2), a
 * two-byte TOK_ID (01 00 AP-REQ, 02 00 AP-REP, 03 00 KRB-ERROR) and the message. This is the
 * mechToken / responseToken SPNEGO carries in an SMB SESSION_SETUP.
 */
public record GssKrb5Token(Oid mech, int tokenId, KerberosMessage message) implements KerberosMessage {
    public static final int AP_REQ = 0x0100;
    public static final int AP_REP = 0x0200;
    public static final int KRB_ERROR = 0x0300;

    @Override
    public MessageType type() {
        return message.type();
    }

    /** Whether the token starts with 0x60 and a Kerberos mechanism OID (no full decode). */
    public static boolean isKrb5Token(byte[] token) {
        try {
            DerReader r = KerberosReader.reader(token);
            if (!r.peekIs(Tlv.APPLICATION, 0)) {
                return false;
            }
            Oid mech = r.enter("InitialContextToken", Tlv.APPLICATION, 0).oid("thisMech");
            return mech.equals(Oid.KERBEROS) || mech.equals(Oid.MS_KERBEROS);
        } catch (DecodeException e) {
            return false;
        }
    }

    static GssKrb5Token read(DerReader r) throws DecodeException {
        DerReader app = r.enter("InitialContextToken", Tlv.APPLICATION, 0);
        r.expectEnd("InitialContextToken");
        int at = app.offset();
        Oid mech = app.oid("thisMech");
        if (!mech.equals(Oid.KERBEROS) && !mech.equals(Oid.MS_KERBEROS)) {
            throw app.fail("thisMech", "mechanism " + mech + " is not Kerberos (at " + at + ")");
        }
        byte[] rest = app.remainingBytes("innerToken");
        if (rest.length < 2) {
            throw app.fail("TOK_ID", "token ends before TOK_ID");
        }
        int tokId = ((rest[0] & 0xff) << 8) | (rest[1] & 0xff);
        byte[] body = java.util.Arrays.copyOfRange(rest, 2, rest.length);
        DerReader inner = KerberosReader.reader(body);
        if (inner.hasRemaining() && inner.peekIdentifier("message") == 0x60) {
            throw inner.fail("message", "nested GSS-API token");
        }
        KerberosMessage m = KerberosMessage.read(inner);
        inner.expectEnd("message");
        int expected = switch (m.type().value()) {
            case 14 -> AP_REQ;
            case 15 -> AP_REP;
            case 30 -> KRB_ERROR;
            default -> -1;
        };
        if (expected != tokId) {
            throw app.fail("TOK_ID", String.format("TOK_ID %04x does not match a %s", tokId, m.type().name()));
        }
        return new GssKrb5Token(mech, tokId, m);
    }

    @Override
    public Detail detail() {
        return Detail.of("GSS-API Generic Security Service Application Program Interface")
                .field("OID", mech)
                .child(Detail.of("krb5_blob").field("krb5_tok_id", String.format("KRB5_%s (0x%04x)",
                        switch (tokenId) {
                            case AP_REQ -> "AP_REQ";
                            case AP_REP -> "AP_REP";
                            default -> "ERROR";
                        }, tokenId)).child(message.detail()));
    }

    @Override
    public String toString() {
        return "GSS-KRB5[" + message + "]";
    }
}
