package org.smbscope.client.transport;

import java.io.IOException;

/** A peer announced a frame longer than the configured maximum; the connection is unusable. */
public final class FrameTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    FrameTooLargeException(long length, int max) {
        super("peer announced a frame of " + length + " bytes, above the limit of " + max);
    }
}
