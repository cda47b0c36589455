/**
 * The one explainer: {@link org.smbscope.trace.explain.MessageDecoder} turns exchanges into decoded
 * {@link org.smbscope.trace.explain.Message}s (SMB2 compounds and SMB1 AndX chains split, NBNS,
 * NetBIOS session packets), {@link org.smbscope.trace.explain.Explainer} narrates them step by step
 * (name, transport, negotiate, authentication, tree connect, files) in plain words: dialects,
 * SecurityMode bit by bit, capabilities, sizes, server time, SPNEGO mechanisms, the NTLM
 * challenge's target info as a fingerprint, the kind of NTLM response, statuses with the Windows
 * "System error N".
 */
package org.smbscope.trace.explain;
