package org.smbscope.client;

import java.io.InterruptedIOException;

/** A request got no answer within its timeout (the server stopped answering). */
public class SmbTimeoutException extends InterruptedIOException {
    private static final long serialVersionUID = 1L;

    public SmbTimeoutException(String message) {
        super(message);
    }
}
