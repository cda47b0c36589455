package org.smbscope.server.config;

/** {@code ntlm auth}: NTLMv1 accepted, only NTLMv2, or NTLM disabled entirely. */
public enum NtlmAuthPolicy { NTLMV1_PERMITTED, NTLMV2_ONLY, DISABLED }
