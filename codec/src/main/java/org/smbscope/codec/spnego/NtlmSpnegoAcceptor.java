package org.smbscope.codec.spnego;

import java.util.List;
import java.util.Objects;
import org.smbscope.codec.asn1.Oid;
import org.smbscope.codec.ntlm.NtlmAuthResult;
import org.smbscope.codec.ntlm.NtlmDecodeException;
import org.smbscope.codec.ntlm.NtlmSecurity;
import org.smbscope.codec.ntlm.NtlmServerContext;

/**
 * The acceptor side of SPNEGO for NTLM only ([MS-SPNG] 3.2.5): the first client token
 * (NegTokenInit with an NTLM NEGOTIATE) is answered with accept-incomplete and the CHALLENGE;
 * the second (NegTokenResp with the AUTHENTICATE and mechListMIC) is verified and answered with
 * accept-completed and our mechListMIC, or reject. One per session setup; not thread-safe.
 */
public final class NtlmSpnegoAcceptor {
    private final NtlmServerContext ntlm;
    private byte[] mechTypesDer;
    private NtlmAuthResult result;

    public NtlmSpnegoAcceptor(NtlmServerContext ntlm) {
        this.ntlm = Objects.requireNonNull(ntlm);
    }

    /** What to put in the SMB2 NEGOTIATE response: a NegTokenInit2 listing NTLMSSP. */
    public static byte[] negotiateHint() {
        return NegTokenInit.serverHint(List.of(Oid.NTLMSSP)).encode();
    }

    /** Answers one client token; {@link #result()} is set after the second. */
    public byte[] accept(byte[] clientToken) throws SpnegoDecodeException, NtlmDecodeException {
        SpnegoToken t = SpnegoToken.decode(clientToken);
        if (t instanceof NegTokenInit init) {
            if (!init.mechTypes().contains(Oid.NTLMSSP) || init.mechToken() == null
                    || !init.mechTypes().get(0).equals(Oid.NTLMSSP)) {
                // No optimistic NTLM token: ask for one (RFC 4178 5 c).
                mechTypesDer = init.mechTypesDer();
                return new NegTokenResp(init.mechTypes().contains(Oid.NTLMSSP) ? NegState.ACCEPT_INCOMPLETE
                        : NegState.REJECT, Oid.NTLMSSP, null, null).encode();
            }
            mechTypesDer = init.mechTypesDer();
            return new NegTokenResp(NegState.ACCEPT_INCOMPLETE, Oid.NTLMSSP, ntlm.challenge(init.mechToken()), null)
                    .encode();
        }
        NegTokenResp resp = (NegTokenResp) t;
        if (resp.responseToken() == null || mechTypesDer == null) {
            throw new SpnegoDecodeException("responseToken", 0, "expected the NTLM token");
        }
        if (ntlm.challengeMessage() == null) {
            return new NegTokenResp(NegState.ACCEPT_INCOMPLETE, null, ntlm.challenge(resp.responseToken()), null)
                    .encode();
        }
        result = ntlm.authenticate(resp.responseToken());
        if (!(result instanceof NtlmAuthResult.Success ok)) {
            return new NegTokenResp(NegState.REJECT, null, null, null).encode();
        }
        byte[] mic = null;
        if (!ok.anonymous()) {
            NtlmSecurity security = ntlm.security(ok.sessionKey());
            if (resp.mechListMic() != null && !security.verify(mechTypesDer, resp.mechListMic())) {
                result = new NtlmAuthResult.Failure(NtlmAuthResult.Reason.MIC_MISMATCH, "mechListMIC does not verify");
                return new NegTokenResp(NegState.REJECT, null, null, null).encode();
            }
            mic = security.sign(mechTypesDer);
        }
        return new NegTokenResp(NegState.ACCEPT_COMPLETED, null, null, mic).encode();
    }

    /** The NTLM outcome; null until the AUTHENTICATE was seen. */
    public NtlmAuthResult result() {
        return result;
    }
}
