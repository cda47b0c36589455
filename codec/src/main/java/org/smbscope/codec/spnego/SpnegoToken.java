package org.smbscope.codec.spnego;

import org.smbscope.codec.asn1.DerReader;
import org.smbscope.codec.asn1.Oid;
import org.smbscope.codec.asn1.Tlv;
import org.smbscope.codec.kerberos.GssKrb5Token;
import org.smbscope.codec.kerberos.KerberosDecodeException;
import org.smbscope.codec.kerberos.KerberosMessage;
import org.smbscope.codec.ntlm.NtlmDecodeException;
import org.smbscope.codec.ntlm.NtlmMessage;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Described;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.Hex;

/**
 * A SPNEGO NegotiationToken, RFC 4178 4.2: {@link NegTokenInit} or {@link NegTokenResp}.
 * {@link #decode(byte[])} accepts the GSS-API InitialContextToken wrapper (RFC 2743 3.1:
 * {@code 0x60}, OID 1.3.6.1.5.5.2) around an init token, or a bare {@code [0]}/{@code [1]}.
 */
public sealed interface SpnegoToken extends Described permits NegTokenInit, NegTokenResp {
    /** The token as sent: NegTokenInit wrapped in the GSS-API header, NegTokenResp bare. */
    byte[] encode();

    static SpnegoToken decode(byte[] bytes) throws SpnegoDecodeException {
        try {
            DerReader r = DerReader.of(bytes, SpnegoDecodeException::new);
            if (r.peekIs(Tlv.APPLICATION, 0)) {
                DerReader app = r.enter("InitialContextToken", Tlv.APPLICATION, 0);
                Oid mech = app.oid("thisMech");
                if (!mech.equals(Oid.SPNEGO)) {
                    throw app.fail("thisMech", "not SPNEGO but " + mech);
                }
                SpnegoToken t = decodeChoice(app);
                app.expectEnd("InitialContextToken");
                r.expectEnd("token");
                return t;
            }
            SpnegoToken t = decodeChoice(r);
            r.expectEnd("token");
            return t;
        } catch (SpnegoDecodeException e) {
            throw e;
        } catch (DecodeException e) {
            throw new SpnegoDecodeException(e.field(), e.offset(), e.detail());
        }
    }

    private static SpnegoToken decodeChoice(DerReader r) throws DecodeException {
        if (r.peekIs(Tlv.CONTEXT, 0)) {
            return NegTokenInit.read(r.explicit("negTokenInit", 0));
        }
        if (r.peekIs(Tlv.CONTEXT, 1)) {
            return NegTokenResp.read(r.explicit("negTokenResp", 1));
        }
        throw r.fail("NegotiationToken", "neither negTokenInit [0] nor negTokenResp [1]");
    }

    /** Renders a mechanism token, decoding it when it is NTLMSSP or a GSS-API Kerberos token. */
    static void renderMechToken(Detail d, String name, byte[] token) {
        if (token == null) {
            return;
        }
        d.field(name, Hex.format(token));
        if (NtlmMessage.isNtlmssp(token)) {
            try {
                d.child(NtlmMessage.decode(token).detail());
            } catch (NtlmDecodeException e) {
                d.field("Malformed NTLMSSP", e.getMessage());
            }
        } else if (GssKrb5Token.isKrb5Token(token)) {
            try {
                d.child(KerberosMessage.decode(token).detail());
            } catch (KerberosDecodeException e) {
                d.field("Malformed Kerberos token", e.getMessage());
            }
        }
    }
}
