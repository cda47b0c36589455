/**
 * SPNEGO, [MS-SPNG] and RFC 4178: the GSS-API InitialContextToken wrapper, NegTokenInit (and
 * Microsoft's NegTokenInit2 with negHints), NegTokenResp, and a small {@link
 * org.smbscope.codec.spnego.SpnegoClient} that picks a {@link org.smbscope.codec.spnego.GssMechanism}
 * from a preference list and handles the mechListMIC. Mechanisms are data: NTLM today
 * ({@link org.smbscope.codec.spnego.NtlmMechanism}), Kerberos later through the same interface.
 */
package org.smbscope.codec.spnego;
