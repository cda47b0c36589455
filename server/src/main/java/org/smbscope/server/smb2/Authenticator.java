package org.smbscope.server.smb2;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.smbscope.codec.ntlm.AuthenticateMessage;
import org.smbscope.codec.ntlm.NtlmAuthResult;
import org.smbscope.codec.ntlm.NtlmDecodeException;
import org.smbscope.codec.ntlm.NtlmServerContext;
import org.smbscope.codec.spnego.NtlmSpnegoAcceptor;
import org.smbscope.codec.spnego.SpnegoDecodeException;
import org.smbscope.codec.status.NtStatus;
import org.smbscope.server.auth.KerberosAcceptor;
import org.smbscope.server.auth.SpnegoAcceptor;

/**
 * One session setup's authentication ([MS-SMB2] 3.3.5.5.3): SPNEGO around NTLMSSP
 * ({@link NtlmSpnegoAcceptor}) or, when Kerberos is configured, SPNEGO with Kerberos and NTLMSSP
 * ({@link SpnegoAcceptor}: a Kerberos-first NegTokenInit with an AP-REQ is accepted in one round trip);
 * or bare NTLMSSP when the client's first token starts with the NTLMSSP signature (some clients skip
 * SPNEGO). Not thread safe: the session's setup lock guards it.
 */
final class Authenticator {
    private static final byte[] NTLMSSP = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);
    /** KRB_AP_ERR_NOT_US: what {@link KerberosAcceptor} reports for a ticket whose name SPN validation refuses. */
    private static final int NOT_US = 35;

    /**
     * One leg's answer: the token to send back; when finished, either the NTLM result, the Kerberos acceptance,
     * or the status of a refusal (all null while more legs are needed).
     */
    record Step(byte[] token, NtlmAuthResult result, KerberosAcceptor.Accepted kerberos, NtStatus refused,
            String why) {
        Step(byte[] token, NtlmAuthResult result) {
            this(token, result, null, null, null);
        }

        boolean finished() {
            return result != null || kerberos != null || refused != null;
        }
    }

    /** A token we could not decode. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final NtlmServerContext ntlm;
    private final KerberosAcceptor kerberos;
    private NtlmSpnegoAcceptor spnego;
    private SpnegoAcceptor both;
    private boolean raw;
    private boolean started;

    Authenticator(NtlmServerContext ntlm) {
        this(ntlm, null);
    }

    /** @param kerberos null without Kerberos */
    Authenticator(NtlmServerContext ntlm, KerberosAcceptor kerberos) {
        this.ntlm = ntlm;
        this.kerberos = kerberos;
    }

    /** The client's NTLM AUTHENTICATE message once NTLM has finished, else null. */
    AuthenticateMessage ntlmAuthenticate() {
        return ntlm.authenticateMessage();
    }

    Step accept(byte[] token) throws Malformed {
        try {
            if (!started) {
                started = true;
                raw = token.length >= NTLMSSP.length && Arrays.equals(token, 0, NTLMSSP.length, NTLMSSP, 0, NTLMSSP.length);
                if (!raw) {
                    spnego = new NtlmSpnegoAcceptor(ntlm);
                    if (kerberos != null) {
                        both = new SpnegoAcceptor(kerberos, spnego);
                    }
                }
            }
            if (raw) {
                if (ntlm.challengeMessage() == null) {
                    return new Step(ntlm.challenge(token), null);
                }
                return new Step(new byte[0], ntlm.authenticate(token));
            }
            if (both != null) {
                return switch (both.accept(token)) {
                    case SpnegoAcceptor.Continue c -> new Step(c.response(), null);
                    case SpnegoAcceptor.NtlmDone n -> new Step(n.response(), n.result());
                    case SpnegoAcceptor.KerberosDone k -> new Step(k.response(), null, k.accepted(), null, null);
                    case SpnegoAcceptor.Rejected r when r.kerberosError() == null && r.reason().startsWith("bad ") ->
                        throw new Malformed(r.reason());
                    case SpnegoAcceptor.Rejected r -> new Step(r.response(), null, null,
                            r.kerberosError() != null && r.kerberosError().value() == NOT_US ? NtStatus.ACCESS_DENIED
                                    : NtStatus.LOGON_FAILURE, r.reason());
                };
            }
            byte[] out = spnego.accept(token);
            return new Step(out, spnego.result());
        } catch (SpnegoDecodeException | NtlmDecodeException e) {
            throw new Malformed(e.getMessage());
        } catch (ClassCastException | IllegalStateException e) {
            throw new Malformed("unexpected token: " + e.getMessage());
        }
    }
}
