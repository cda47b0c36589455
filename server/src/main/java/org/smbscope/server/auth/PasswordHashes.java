package org.smbscope.server.auth;

import org.smbscope.codec.ntlm.NtlmCrypto;

/** The hashes smbpasswd stores: NT hash = MD4(UTF-16LE password), LM hash ([MS-NLMP] 3.3.1 LMOWFv1) only when it can exist. */
public final class PasswordHashes {
    private PasswordHashes() {
    }

    public static byte[] nt(String password) {
        return NtlmCrypto.ntowfv1(password);
    }

    /** The LM hash, or null when the password is longer than 14 characters (no LM hash exists then). */
    public static byte[] lm(String password) {
        return password.length() > 14 ? null : NtlmCrypto.lmowfv1(password);
    }
}
