package org.smbscope.server.fs;

import org.smbscope.codec.status.NtStatus;

/** A command's answer when it fails: the NTSTATUS Windows would send. Carries no stack trace. */
final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient NtStatus status;

    Failure(NtStatus status) {
        super(status.toString(), null, false, false);
        this.status = status;
    }

    NtStatus status() {
        return status;
    }
}
