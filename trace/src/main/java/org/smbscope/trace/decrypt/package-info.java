/**
 * Opening SMB3-encrypted traffic in a capture with the user's password: the NTLM session key is
 * derived from the password and the captured NTLMSSP exchange, the SMB3 keys from it and the
 * preauth integrity hash, and every transform message of that session is replaced by its plaintext.
 */
package org.smbscope.trace.decrypt;
