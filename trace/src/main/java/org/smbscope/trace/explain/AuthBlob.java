package org.smbscope.trace.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smbscope.codec.asn1.Oid;
import org.smbscope.codec.kerberos.ApReq;
import org.smbscope.codec.kerberos.GssKrb5Token;
import org.smbscope.codec.kerberos.KerberosDecodeException;
import org.smbscope.codec.kerberos.KerberosMessage;
import org.smbscope.codec.kerberos.KrbError;
import org.smbscope.codec.ntlm.AuthenticateMessage;
import org.smbscope.codec.ntlm.AvId;
import org.smbscope.codec.ntlm.ChallengeMessage;
import org.smbscope.codec.ntlm.NegotiateMessage;
import org.smbscope.codec.ntlm.NtlmDecodeException;
import org.smbscope.codec.ntlm.NtlmMessage;
import org.smbscope.codec.ntlm.NtlmV2Response;
import org.smbscope.codec.ntlm.TargetInfo;
import org.smbscope.codec.spnego.NegState;
import org.smbscope.codec.spnego.NegTokenInit;
import org.smbscope.codec.spnego.NegTokenResp;
import org.smbscope.codec.spnego.SpnegoDecodeException;
import org.smbscope.codec.spnego.SpnegoToken;

/**
 * What a security blob (SMB2 SecurityBuffer, SMB1 extended-security blob) says: the SPNEGO
 * mechanisms offered ([MS-SPNG] 3.2.5.2, RFC 4178 4.2.1), the NTLMSSP message inside
 * ([MS-NLMP] 2.2.1), or a Kerberos token. Read-only facts for the explainer and the rules.
 *
 * @param mechs      mechanisms listed in a NegTokenInit (empty otherwise)
 * @param ntlm       the NTLMSSP message carried, if any
 * @param kerberos   whether the token carried is not NTLMSSP but a Kerberos (or other GSS) token
 * @param negState   the NegTokenResp state, if any
 * @param problem    why the blob did not decode, if it did not
 * @param krb5       the Kerberos message inside the token (AP-REQ, AP-REP, KRB-ERROR, usually in a
 *                   GSS-API wrapper, RFC 4121 4.1), when the token is Kerberos and decodes
 */
public record AuthBlob(List<Oid> mechs, Optional<NtlmMessage> ntlm, boolean kerberos, Optional<NegState> negState,
                       Optional<String> problem, Optional<KerberosMessage> krb5) {
    public static final AuthBlob EMPTY = new AuthBlob(List.of(), Optional.empty(), false, Optional.empty(), Optional.empty(),
            Optional.empty());

    public AuthBlob {
        mechs = List.copyOf(mechs);
    }

    public AuthBlob(List<Oid> mechs, Optional<NtlmMessage> ntlm, boolean kerberos, Optional<NegState> negState,
            Optional<String> problem) {
        this(mechs, ntlm, kerberos, negState, problem, Optional.empty());
    }

    /** The AP-REQ the client sent, unwrapped from its GSS-API token, if this blob carries one. */
    public Optional<ApReq> apReq() {
        return krb5.map(AuthBlob::unwrap).filter(ApReq.class::isInstance).map(ApReq.class::cast);
    }

    /** The KRB-ERROR an acceptor answered with (e.g. KRB_AP_ERR_SKEW), unwrapped, if any. */
    public Optional<KrbError> krbError() {
        return krb5.map(AuthBlob::unwrap).filter(KrbError.class::isInstance).map(KrbError.class::cast);
    }

    static KerberosMessage unwrap(KerberosMessage m) {
        return m instanceof GssKrb5Token t ? t.message() : m;
    }

    private static Optional<KerberosMessage> krb5Of(byte[] token) {
        if (token == null || NtlmMessage.isNtlmssp(token) || !KerberosMessage.looksLikeKerberos(token)) {
            return Optional.empty();
        }
        try {
            return Optional.of(KerberosMessage.decode(token));
        } catch (KerberosDecodeException e) {
            return Optional.empty();
        }
    }

    public static AuthBlob parse(byte[] blob) {
        if (blob == null || blob.length == 0) {
            return EMPTY;
        }
        try {
            if (GssKrb5Token.isKrb5Token(blob)) {
                return new AuthBlob(List.of(), Optional.empty(), true, Optional.empty(), Optional.empty(), krb5Of(blob));
            }
            if (NtlmMessage.isNtlmssp(blob)) {
                return new AuthBlob(List.of(), Optional.of(NtlmMessage.decode(blob)), false, Optional.empty(), Optional.empty());
            }
            SpnegoToken t = SpnegoToken.decode(blob);
            if (t instanceof NegTokenInit init) {
                byte[] tok = init.mechToken();
                return new AuthBlob(init.mechTypes(), ntlmOf(tok), tok != null && !NtlmMessage.isNtlmssp(tok),
                        Optional.empty(), Optional.empty(), krb5Of(tok));
            }
            NegTokenResp resp = (NegTokenResp) t;
            byte[] tok = resp.responseToken();
            return new AuthBlob(List.of(), ntlmOf(tok), tok != null && !NtlmMessage.isNtlmssp(tok),
                    Optional.ofNullable(resp.negState()), Optional.empty(), krb5Of(tok));
        } catch (SpnegoDecodeException | NtlmDecodeException e) {
            return new AuthBlob(List.of(), Optional.empty(), false, Optional.empty(), Optional.of(e.getMessage()));
        }
    }

    private static Optional<NtlmMessage> ntlmOf(byte[] token) throws NtlmDecodeException {
        return token != null && NtlmMessage.isNtlmssp(token) ? Optional.of(NtlmMessage.decode(token)) : Optional.empty();
    }

    public boolean offersKerberos() {
        return mechs.contains(Oid.KERBEROS) || mechs.contains(Oid.MS_KERBEROS);
    }

    public boolean offersNtlm() {
        return mechs.contains(Oid.NTLMSSP);
    }

    public Optional<ChallengeMessage> challenge() {
        return ntlm.filter(ChallengeMessage.class::isInstance).map(ChallengeMessage.class::cast);
    }

    public Optional<AuthenticateMessage> authenticate() {
        return ntlm.filter(AuthenticateMessage.class::isInstance).map(AuthenticateMessage.class::cast);
    }

    public Optional<NegotiateMessage> negotiate() {
        return ntlm.filter(NegotiateMessage.class::isInstance).map(NegotiateMessage.class::cast);
    }

    /** "Kerberos, NTLMSSP": the mechanisms by name. */
    public static String mechNames(List<Oid> mechs) {
        List<String> n = new ArrayList<>();
        for (Oid o : mechs) {
            n.add(o.equals(Oid.MS_KERBEROS) ? "Kerberos (Microsoft OID)" : o.equals(Oid.KERBEROS) ? "Kerberos"
                    : o.equals(Oid.NTLMSSP) ? "NTLMSSP" : o.equals(Oid.NEGOEX) ? "NegoEx" : o.name());
        }
        return String.join(", ", n);
    }

    /** The SPN the client named in its NTLMv2 response (MsvAvTargetName, e.g. "cifs/server"), if any. */
    public static Optional<String> targetName(AuthenticateMessage a) {
        byte[] nt = a.ntResponse();
        if (nt.length <= 24) {
            return Optional.empty();
        }
        try {
            TargetInfo ti = NtlmV2Response.decode(nt).avPairs();
            return ti.text(AvId.MSV_AV_TARGET_NAME);
        } catch (NtlmDecodeException e) {
            return Optional.empty();
        }
    }
}
