package org.smbscope.client;

import java.io.IOException;

/**
 * The peer broke the protocol: a malformed or truncated message, a bad signature, an unexpected
 * message id. The connection should be treated as unusable.
 */
public class SmbProtocolException extends IOException {
    private static final long serialVersionUID = 1L;

    public SmbProtocolException(String message) {
        super(message);
    }

    public SmbProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
