package org.smbscope.server.auth;

import java.util.ArrayList;
import java.util.List;
import org.smbscope.codec.asn1.Oid;
import org.smbscope.codec.kerberos.ErrorCode;
import org.smbscope.codec.kerberos.GssKrb5Token;
import org.smbscope.codec.ntlm.NtlmAuthResult;
import org.smbscope.codec.ntlm.NtlmDecodeException;
import org.smbscope.codec.spnego.NegState;
import org.smbscope.codec.spnego.NegTokenInit;
import org.smbscope.codec.spnego.NegTokenResp;
import org.smbscope.codec.spnego.NtlmSpnegoAcceptor;
import org.smbscope.codec.spnego.SpnegoDecodeException;
import org.smbscope.codec.spnego.SpnegoToken;

/**
 * The server side of SPNEGO for a SESSION_SETUP with Kerberos and NTLMSSP ([MS-SPNG] 3.2.5,
 * RFC 4178 5): the NEGOTIATE hint lists MS KRB5, KRB5 and NTLMSSP (as Windows and Samba do); a
 * NegTokenInit whose first mechanism is Kerberos with an optimistic AP-REQ is answered at once
 * with accept-completed, supportedMech = that OID and the AP-REP (no mechListMIC: Kerberos was
 * the client's first choice); anything else goes to the NTLM acceptor. One per session setup;
 * not thread-safe.
 */
public final class SpnegoAcceptor {
    /** What to do after a token. */
    public sealed interface Step {
        /** The SPNEGO token to send back. */
        byte[] response();
    }

    /** More tokens are needed (STATUS_MORE_PROCESSING_REQUIRED). */
    public record Continue(byte[] response) implements Step {
    }

    /** Kerberos succeeded. */
    public record KerberosDone(byte[] response, KerberosAcceptor.Accepted accepted) implements Step {
    }

    /** NTLM finished, successfully or not (see the result). */
    public record NtlmDone(byte[] response, NtlmAuthResult result) implements Step {
    }

    /** Refused: {@code reason} for the log, {@code kerberosError} when Kerberos refused. */
    public record Rejected(byte[] response, String reason, ErrorCode kerberosError) implements Step {
    }

    private final KerberosAcceptor kerberos;
    private final NtlmSpnegoAcceptor ntlm;

    /**
     * @param kerberos null when Kerberos is not configured
     * @param ntlm     null when NTLM is disabled
     */
    public SpnegoAcceptor(KerberosAcceptor kerberos, NtlmSpnegoAcceptor ntlm) {
        if (kerberos == null && ntlm == null) {
            throw new IllegalArgumentException("no mechanism");
        }
        this.kerberos = kerberos;
        this.ntlm = ntlm;
    }

    /** The NegTokenInit2 for the NEGOTIATE response. */
    public static byte[] negotiateHint(boolean kerberos, boolean ntlm) {
        List<Oid> mechs = new ArrayList<>();
        if (kerberos) {
            mechs.add(Oid.MS_KERBEROS);
            mechs.add(Oid.KERBEROS);
        }
        if (ntlm) {
            mechs.add(Oid.NTLMSSP);
        }
        return NegTokenInit.serverHint(mechs).encode();
    }

    public Step accept(byte[] token) {
        SpnegoToken t;
        try {
            t = SpnegoToken.decode(token);
        } catch (SpnegoDecodeException e) {
            return reject("bad SPNEGO token: " + e.getMessage(), null);
        }
        if (t instanceof NegTokenInit init && !init.mechTypes().isEmpty()) {
            Oid first = init.mechTypes().get(0);
            boolean krbFirst = first.equals(Oid.KERBEROS) || first.equals(Oid.MS_KERBEROS);
            byte[] mechToken = init.mechToken();
            if (krbFirst && kerberos != null && mechToken != null && GssKrb5Token.isKrb5Token(mechToken)) {
                try {
                    KerberosAcceptor.Accepted ok = kerberos.accept(mechToken);
                    byte[] resp = new NegTokenResp(NegState.ACCEPT_COMPLETED, first, ok.responseToken(), null).encode();
                    return new KerberosDone(resp, ok);
                } catch (KerberosAcceptException e) {
                    return reject(e.getMessage(), e.errorCode());
                }
            }
        }
        if (ntlm == null) {
            return reject("the client offers no mechanism we accept (NTLM is disabled)", null);
        }
        try {
            byte[] resp = ntlm.accept(token);
            NtlmAuthResult r = ntlm.result();
            return r == null ? new Continue(resp) : new NtlmDone(resp, r);
        } catch (SpnegoDecodeException | NtlmDecodeException e) {
            return reject("bad NTLM token: " + e.getMessage(), null);
        }
    }

    private static Rejected reject(String reason, ErrorCode code) {
        return new Rejected(new NegTokenResp(NegState.REJECT, null, null, null).encode(), reason, code);
    }
}
