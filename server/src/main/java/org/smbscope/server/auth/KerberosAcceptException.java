package org.smbscope.server.auth;

import org.smbscope.codec.kerberos.ErrorCode;

/**
 * An AP-REQ was refused: a ticket for another service or not in our keytab, clock skew, a
 * replay, a bad checksum, a ticket for a name SPN validation rejects, or a principal with no
 * local user. {@link #errorCode()} is the Kerberos error (e.g. KRB_AP_ERR_SKEW) when known.
 */
public final class KerberosAcceptException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient ErrorCode errorCode;

    public KerberosAcceptException(String message, ErrorCode errorCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** The Kerberos error code, or null. */
    public ErrorCode errorCode() {
        return errorCode;
    }
}
