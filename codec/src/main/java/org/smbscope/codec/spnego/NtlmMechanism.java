package org.smbscope.codec.spnego;

import org.smbscope.codec.asn1.Oid;
import org.smbscope.codec.ntlm.NtlmClientContext;
import org.smbscope.codec.ntlm.NtlmDecodeException;
import org.smbscope.codec.ntlm.NtlmSecurity;

/**
 * NTLMSSP (OID 1.3.6.1.4.1.311.2.2.10) as a SPNEGO mechanism, driving an
 * {@link NtlmClientContext}. The mechListMIC is an NTLM signature (GSS_GetMIC, [MS-NLMP] 3.4.4)
 * over the DER mechTypes, with sequence number 0, as Windows and Samba expect.
 */
public final class NtlmMechanism implements GssMechanism {
    private final NtlmClientContext context;
    private NtlmSecurity security;

    public NtlmMechanism(NtlmClientContext context) {
        this.context = context;
    }

    public NtlmClientContext context() {
        return context;
    }

    @Override
    public Oid oid() {
        return Oid.NTLMSSP;
    }

    @Override
    public byte[] initialToken() {
        return context.negotiate();
    }

    @Override
    public byte[] nextToken(byte[] token) throws GssException {
        if (context.isComplete()) {
            return null;
        }
        try {
            return context.authenticate(token);
        } catch (NtlmDecodeException e) {
            throw new GssException("bad NTLM CHALLENGE: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean isComplete() {
        return context.isComplete();
    }

    @Override
    public byte[] sessionKey() {
        return context.exportedSessionKey();
    }

    private NtlmSecurity security() {
        if (security == null) {
            security = context.security();
        }
        return security;
    }

    @Override
    public byte[] getMic(byte[] data) {
        if (!context.isComplete() || context.responseKind() == org.smbscope.codec.ntlm.ResponseKind.ANONYMOUS) {
            return null;
        }
        return security().sign(data);
    }

    @Override
    public boolean verifyMic(byte[] data, byte[] mic) {
        return context.isComplete() && security().verify(data, mic);
    }
}
