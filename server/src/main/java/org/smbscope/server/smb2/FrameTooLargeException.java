package org.smbscope.server.smb2;

import java.io.IOException;

/** A peer announced a frame larger than {@link ServerLimits#maxFrameSize()}: the connection is dropped. */
final class FrameTooLargeException extends IOException {
    FrameTooLargeException(int length, int max) {
        super("frame of " + length + " bytes exceeds the limit of " + max);
    }
}
