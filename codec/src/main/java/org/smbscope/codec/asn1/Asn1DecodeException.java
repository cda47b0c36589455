package org.smbscope.codec.asn1;

import org.smbscope.codec.wire.DecodeException;

/** A malformed DER encoding (ITU-T X.690 distinguished encoding rules). */
public final class Asn1DecodeException extends DecodeException {
    private static final long serialVersionUID = 1L;

    public Asn1DecodeException(String field, int offset, String detail) {
        super(field, offset, detail);
    }

    @Override
    public String protocol() {
        return "DER";
    }
}
