package org.smbscope.codec.dcerpc;

import java.util.Arrays;

/**
 * The sec_trailer and auth_value at the end of an authenticated PDU ([MS-RPCE] 2.2.2.11,
 * [C706] 13.2.6.1): kept as decoded, not interpreted here.
 *
 * @param padLength the auth_pad_length: bytes between the stub and the trailer
 */
public record AuthVerifier(int authType, int authLevel, int padLength, long contextId, byte[] value) {
    public AuthVerifier {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuthVerifier a && authType == a.authType && authLevel == a.authLevel
                && padLength == a.padLength && contextId == a.contextId && Arrays.equals(value, a.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value) * 31 + authType;
    }

    @Override
    public String toString() {
        return "AuthVerifier[type=" + authType + ", level=" + authLevel + ", " + value.length + " bytes]";
    }
}
