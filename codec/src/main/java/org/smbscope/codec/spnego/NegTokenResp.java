package org.smbscope.codec.spnego;

import java.util.Arrays;
import java.util.Objects;
import org.smbscope.codec.asn1.DerReader;
import org.smbscope.codec.asn1.DerWriter;
import org.smbscope.codec.asn1.Oid;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.Hex;

/**
 * NegTokenResp, RFC 4178 4.2.2: negotiation state, the mechanism the acceptor chose, the
 * mechanism's response token and the mechListMIC. Every field is optional (null when absent).
 */
public record NegTokenResp(NegState negState, Oid supportedMech, byte[] responseToken, byte[] mechListMic)
        implements SpnegoToken {
    public NegTokenResp {
        responseToken = responseToken == null ? null : responseToken.clone();
        mechListMic = mechListMic == null ? null : mechListMic.clone();
    }

    @Override
    public byte[] responseToken() {
        return responseToken == null ? null : responseToken.clone();
    }

    @Override
    public byte[] mechListMic() {
        return mechListMic == null ? null : mechListMic.clone();
    }

    static NegTokenResp read(DerReader r) throws DecodeException {
        DerReader seq = r.sequence("NegTokenResp");
        r.expectEnd("negTokenResp");
        NegState state = null;
        DerReader s = seq.optionalExplicit("negState", 0);
        if (s != null) {
            state = new NegState(s.enumerated("negState"));
            s.expectEnd("negState");
        }
        Oid mech = null;
        DerReader m = seq.optionalExplicit("supportedMech", 1);
        if (m != null) {
            mech = m.oid("supportedMech");
            m.expectEnd("supportedMech");
        }
        byte[] token = null;
        DerReader t = seq.optionalExplicit("responseToken", 2);
        if (t != null) {
            token = t.octetString("responseToken");
            t.expectEnd("responseToken");
        }
        byte[] mic = null;
        DerReader c = seq.optionalExplicit("mechListMIC", 3);
        if (c != null) {
            mic = c.octetString("mechListMIC");
            c.expectEnd("mechListMIC");
        }
        seq.expectEnd("NegTokenResp");
        return new NegTokenResp(state, mech, token, mic);
    }

    @Override
    public byte[] encode() {
        DerWriter w = new DerWriter();
        w.explicit(1, choice -> choice.sequence(s -> {
            if (negState != null) {
                s.explicit(0, x -> x.enumerated(negState.value()));
            }
            if (supportedMech != null) {
                s.explicit(1, x -> x.oid(supportedMech));
            }
            if (responseToken != null) {
                s.explicit(2, x -> x.octetString(responseToken));
            }
            if (mechListMic != null) {
                s.explicit(3, x -> x.octetString(mechListMic));
            }
        }));
        return w.toByteArray();
    }

    @Override
    public Detail detail() {
        Detail d = Detail.of("negTokenResp");
        if (negState != null) {
            d.field("negResult", negState);
        }
        if (supportedMech != null) {
            d.field("supportedMech", supportedMech);
        }
        SpnegoToken.renderMechToken(d, "responseToken", responseToken);
        if (mechListMic != null) {
            d.field("mechListMIC", Hex.format(mechListMic));
        }
        return Detail.of("Simple Protected Negotiation").child(d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NegTokenResp n && Objects.equals(n.negState, negState)
                && Objects.equals(n.supportedMech, supportedMech) && Arrays.equals(n.responseToken, responseToken)
                && Arrays.equals(n.mechListMic, mechListMic);
    }

    @Override
    public int hashCode() {
        return Objects.hash(negState, supportedMech) * 31 + Arrays.hashCode(responseToken);
    }

    @Override
    public String toString() {
        return "NegTokenResp[negState=" + negState + ", supportedMech=" + supportedMech + ", responseToken="
                + (responseToken == null ? "none" : responseToken.length + " bytes") + ", mechListMIC="
                + (mechListMic == null ? "none" : Hex.format(mechListMic)) + "]";
    }
}
