package org.smbscope.codec.ntlm;

import org.smbscope.codec.wire.DecodeException;

/** A malformed NTLMSSP message ([MS-NLMP] 2.2). */
public final class NtlmDecodeException extends DecodeException {
    private static final long serialVersionUID = 1L;

    public NtlmDecodeException(String field, int offset, String detail) {
        super(field, offset, detail);
    }

    @Override
    public String protocol() {
        return "NTLMSSP";
    }
}
