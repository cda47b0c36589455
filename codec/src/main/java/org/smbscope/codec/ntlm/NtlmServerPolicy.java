package org.smbscope.codec.ntlm;

/**
 * Which response types a server accepts; the names follow Samba's {@code ntlm auth} and
 * {@code lanman auth} settings.
 */
public enum NtlmServerPolicy {
    /** LM, NTLMv1 (with or without ESS) and NTLMv2 ({@code lanman auth = yes}). */
    LANMAN_AUTH,
    /** NTLMv1 and NTLMv2, not LM ({@code ntlm auth = ntlmv1-permitted}). */
    NTLMV1_PERMITTED,
    /** NTLMv2 only ({@code ntlm auth = ntlmv2-only}, Samba's default since 4.5). */
    NTLMV2_ONLY;

    boolean acceptsNtlmv1() {
        return this != NTLMV2_ONLY;
    }

    boolean acceptsLm() {
        return this == LANMAN_AUTH;
    }
}
