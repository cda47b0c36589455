package org.smbscope.codec.kerberos;

import org.smbscope.codec.wire.DecodeException;

/** A malformed Kerberos message (RFC 4120 5) or GSS-API Kerberos token (RFC 4121 4.1). */
public final class KerberosDecodeException extends DecodeException {
    private static final long serialVersionUID = 1L;

    public KerberosDecodeException(String field, int offset, String detail) {
        super(field, offset, detail);
    }

    @Override
    public String protocol() {
        return "KRB5";
    }
}
