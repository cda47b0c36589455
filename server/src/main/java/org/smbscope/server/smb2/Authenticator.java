package org.smbscope.server.smb2;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.smbscope.codec.ntlm.NtlmAuthResult;
import org.smbscope.codec.ntlm.NtlmDecodeException;
import org.smbscope.codec.ntlm.NtlmServerContext;
import org.smbscope.codec.spnego.NtlmSpnegoAcceptor;
import org.smbscope.codec.spnego.SpnegoDecodeException;

/**
 * One session setup's authentication ([MS-SMB2] 3.3.5.5.3): SPNEGO around NTLMSSP
 * ({@link NtlmSpnegoAcceptor}), or bare NTLMSSP when the client's first token starts with the NTLMSSP
 * signature (some clients skip SPNEGO). Not thread safe: the session's setup lock guards it.
 */
final class Authenticator {
    private static final byte[] NTLMSSP = "NTLMSSP\0".getBytes(StandardCharsets.US_ASCII);

    /** One leg's answer: the token to send back, and the result once the AUTHENTICATE was verified (else null). */
    record Step(byte[] token, NtlmAuthResult result) {
    }

    /** A token we could not decode. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private final NtlmServerContext ntlm;
    private NtlmSpnegoAcceptor spnego;
    private boolean raw;
    private boolean started;

    Authenticator(NtlmServerContext ntlm) {
        this.ntlm = ntlm;
    }

    Step accept(byte[] token) throws Malformed {
        try {
            if (!started) {
                started = true;
                raw = token.length >= NTLMSSP.length && Arrays.equals(token, 0, NTLMSSP.length, NTLMSSP, 0, NTLMSSP.length);
                if (!raw) {
                    spnego = new NtlmSpnegoAcceptor(ntlm);
                }
            }
            if (raw) {
                if (ntlm.challengeMessage() == null) {
                    return new Step(ntlm.challenge(token), null);
                }
                return new Step(new byte[0], ntlm.authenticate(token));
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
