package org.smbscope.codec.spnego;

/** A failed security context negotiation: rejected, no common mechanism, bad MIC, bad token. */
public final class GssException extends Exception {
    private static final long serialVersionUID = 1L;

    public GssException(String message) {
        super(message);
    }

    public GssException(String message, Throwable cause) {
        super(message, cause);
    }
}
