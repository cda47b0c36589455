/**
 * NTLM authentication, [MS-NLMP]: the NEGOTIATE, CHALLENGE and AUTHENTICATE messages
 * ({@link org.smbscope.codec.ntlm.NtlmMessage}), the key and response functions of 3.3 and 3.4
 * ({@link org.smbscope.codec.ntlm.NtlmCrypto}), message signing and sealing
 * ({@link org.smbscope.codec.ntlm.NtlmSecurity}), and the two ends of a handshake:
 * {@link org.smbscope.codec.ntlm.NtlmClientContext} and
 * {@link org.smbscope.codec.ntlm.NtlmServerContext}. Pure: time and randomness are injected.
 */
package org.smbscope.codec.ntlm;
