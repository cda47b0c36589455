package org.smbscope.client.auth;

import java.io.IOException;
import org.smbscope.codec.kerberos.ErrorCode;

/**
 * Kerberos could not be used for a session: no ticket, no KDC, the KDC's refusal (with its
 * {@link ErrorCode}, e.g. KDC_ERR_S_PRINCIPAL_UNKNOWN (7)), or a server given by IP address.
 */
public final class KerberosAuthException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient ErrorCode kdcError;

    public KerberosAuthException(String message, ErrorCode kdcError, Throwable cause) {
        super(message, cause);
        this.kdcError = kdcError;
    }

    /** The KDC's (or acceptor's) error code, or null when the failure did not come from one. */
    public ErrorCode kdcError() {
        return kdcError;
    }
}
