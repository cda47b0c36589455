package org.smbscope.codec.spnego;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.smbscope.codec.asn1.BitString;
import org.smbscope.codec.asn1.DerReader;
import org.smbscope.codec.asn1.DerWriter;
import org.smbscope.codec.asn1.Oid;
import org.smbscope.codec.asn1.Tlv;
import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.Hex;

/**
 * NegTokenInit, RFC 4178 4.2.1, and Microsoft's NegTokenInit2, [MS-SPNG] 2.2.1, which adds
 * negHints at {@code [3]} (moving mechListMIC to {@code [4]}); servers send the latter in the
 * SMB2 NEGOTIATE response. A {@code [3]} holding a SEQUENCE is read as negHints, one holding an
 * OCTET STRING as mechListMIC.
 *
 * @param reqFlags null when absent
 * @param mechToken null when absent
 * @param hintName negHints.hintName, null when absent
 * @param hintAddress negHints.hintAddress, null when absent
 * @param mechListMic null when absent
 */
public record NegTokenInit(List<Oid> mechTypes, BitString reqFlags, byte[] mechToken, String hintName,
        byte[] hintAddress, byte[] mechListMic) implements SpnegoToken {
    /** The hint Windows and Samba servers send ([MS-SPNG] 3.2.5.2). */
    public static final String IGNORE_HINT = "not_defined_in_RFC4178@please_ignore";

    public NegTokenInit {
        mechTypes = List.copyOf(mechTypes);
        mechToken = mechToken == null ? null : mechToken.clone();
        hintAddress = hintAddress == null ? null : hintAddress.clone();
        mechListMic = mechListMic == null ? null : mechListMic.clone();
    }

    /** A client's NegTokenInit: mechanisms and an optimistic token for the first. */
    public static NegTokenInit of(List<Oid> mechTypes, byte[] mechToken) {
        return new NegTokenInit(mechTypes, null, mechToken, null, null, null);
    }

    /** A server's NegTokenInit2 hint as sent in the SMB2 NEGOTIATE response. */
    public static NegTokenInit serverHint(List<Oid> mechTypes) {
        return new NegTokenInit(mechTypes, null, null, IGNORE_HINT, null, null);
    }

    @Override
    public byte[] mechToken() {
        return mechToken == null ? null : mechToken.clone();
    }

    @Override
    public byte[] hintAddress() {
        return hintAddress == null ? null : hintAddress.clone();
    }

    @Override
    public byte[] mechListMic() {
        return mechListMic == null ? null : mechListMic.clone();
    }

    /** Whether this is the NegTokenInit2 form (it carries negHints). */
    public boolean isInit2() {
        return hintName != null || hintAddress != null;
    }

    /** The DER of the MechTypeList, the input of the mechListMIC (RFC 4178 5). */
    public byte[] mechTypesDer() {
        return encodeMechTypes(mechTypes);
    }

    static byte[] encodeMechTypes(List<Oid> mechTypes) {
        DerWriter w = new DerWriter();
        w.sequence(s -> mechTypes.forEach(s::oid));
        return w.toByteArray();
    }

    static NegTokenInit read(DerReader r) throws DecodeException {
        DerReader seq = r.sequence("NegTokenInit");
        r.expectEnd("negTokenInit");
        List<Oid> mechs = new ArrayList<>();
        DerReader mt = seq.optionalExplicit("mechTypes", 0);
        if (mt != null) {
            DerReader list = mt.sequence("MechTypeList");
            while (list.hasRemaining()) {
                mechs.add(list.oid("MechType"));
            }
            mt.expectEnd("mechTypes");
        }
        BitString flags = null;
        DerReader f = seq.optionalExplicit("reqFlags", 1);
        if (f != null) {
            flags = f.bitString("reqFlags");
            f.expectEnd("reqFlags");
        }
        byte[] token = null;
        DerReader t = seq.optionalExplicit("mechToken", 2);
        if (t != null) {
            token = t.octetString("mechToken");
            t.expectEnd("mechToken");
        }
        String hintName = null;
        byte[] hintAddress = null;
        byte[] mic = null;
        DerReader three = seq.optionalExplicit("negHints/mechListMIC", 3);
        if (three != null) {
            if (three.peekIs(Tlv.UNIVERSAL, 16)) {
                DerReader hints = three.sequence("negHints");
                DerReader hn = hints.optionalExplicit("hintName", 0);
                if (hn != null) {
                    hintName = hn.generalString("hintName");
                    hn.expectEnd("hintName");
                }
                DerReader ha = hints.optionalExplicit("hintAddress", 1);
                if (ha != null) {
                    hintAddress = ha.octetString("hintAddress");
                    ha.expectEnd("hintAddress");
                }
                hints.expectEnd("negHints");
                if (hintName == null && hintAddress == null) {
                    hintName = "";
                }
            } else {
                mic = three.octetString("mechListMIC");
            }
            three.expectEnd("[3]");
        }
        DerReader four = seq.optionalExplicit("mechListMIC", 4);
        if (four != null) {
            mic = four.octetString("mechListMIC");
            four.expectEnd("mechListMIC");
        }
        seq.expectEnd("NegTokenInit");
        return new NegTokenInit(mechs, flags, token, hintName, hintAddress, mic);
    }

    @Override
    public byte[] encode() {
        DerWriter w = new DerWriter();
        w.application(0, app -> app.oid(Oid.SPNEGO).explicit(0, choice -> choice.sequence(s -> {
            s.explicit(0, m -> m.raw(mechTypesDer()));
            if (reqFlags != null) {
                s.explicit(1, m -> m.bitString(reqFlags));
            }
            if (mechToken != null) {
                s.explicit(2, m -> m.octetString(mechToken));
            }
            if (isInit2()) {
                s.explicit(3, m -> m.sequence(h -> {
                    if (hintName != null) {
                        h.explicit(0, n -> n.generalString(hintName));
                    }
                    if (hintAddress != null) {
                        h.explicit(1, n -> n.octetString(hintAddress));
                    }
                }));
                if (mechListMic != null) {
                    s.explicit(4, m -> m.octetString(mechListMic));
                }
            } else if (mechListMic != null) {
                s.explicit(3, m -> m.octetString(mechListMic));
            }
        })));
        return w.toByteArray();
    }

    @Override
    public Detail detail() {
        Detail init = Detail.of(isInit2() ? "negTokenInit (NegTokenInit2)" : "negTokenInit");
        Detail mechs = Detail.of("mechTypes: " + mechTypes.size() + " item" + (mechTypes.size() == 1 ? "" : "s"));
        mechTypes.forEach(o -> mechs.field("MechType", o));
        init.child(mechs);
        if (reqFlags != null) {
            init.field("reqFlags", Hex.format(reqFlags.bytes()));
        }
        SpnegoToken.renderMechToken(init, "mechToken", mechToken);
        if (isInit2()) {
            Detail hints = Detail.of("negHints");
            if (hintName != null) {
                hints.field("hintName", hintName);
            }
            if (hintAddress != null) {
                hints.field("hintAddress", Hex.format(hintAddress));
            }
            init.child(hints);
        }
        if (mechListMic != null) {
            init.field("mechListMIC", Hex.format(mechListMic));
        }
        return Detail.of("GSS-API Generic Security Service Application Program Interface")
                .field("OID", Oid.SPNEGO.dotted() + " (SPNEGO - Simple Protected Negotiation)")
                .child(Detail.of("Simple Protected Negotiation").child(init));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NegTokenInit n && n.mechTypes.equals(mechTypes) && Objects.equals(n.reqFlags, reqFlags)
                && Arrays.equals(n.mechToken, mechToken) && Objects.equals(n.hintName, hintName)
                && Arrays.equals(n.hintAddress, hintAddress) && Arrays.equals(n.mechListMic, mechListMic);
    }

    @Override
    public int hashCode() {
        return mechTypes.hashCode() * 31 + Arrays.hashCode(mechToken);
    }

    @Override
    public String toString() {
        return "NegTokenInit[mechTypes=" + mechTypes + ", mechToken="
                + (mechToken == null ? "none" : mechToken.length + " bytes") + ", hintName=" + hintName
                + ", mechListMIC=" + (mechListMic == null ? "none" : Hex.format(mechListMic)) + "]";
    }

}
