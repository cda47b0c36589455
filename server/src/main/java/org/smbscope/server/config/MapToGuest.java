package org.smbscope.server.config;

import org.smbscope.codec.ntlm.NtlmAuthResult;

/** {@code map to guest}: never, unknown user ("bad user") or also a wrong password ("bad password"). */
public enum MapToGuest {
    NEVER, BAD_USER, BAD_PASSWORD;

    /** Whether a logon that failed for {@code reason} becomes a guest session under this setting. */
    public boolean mapsToGuest(NtlmAuthResult.Reason reason) {
        return switch (this) {
            case NEVER -> false;
            case BAD_USER -> reason == NtlmAuthResult.Reason.NO_SUCH_USER;
            case BAD_PASSWORD -> reason == NtlmAuthResult.Reason.NO_SUCH_USER
                    || reason == NtlmAuthResult.Reason.WRONG_PASSWORD;
        };
    }
}
