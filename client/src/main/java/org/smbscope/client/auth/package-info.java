/**
 * Client authentication mechanisms beyond the codec's NTLM: Kerberos V5 through the JDK's JGSS
 * ({@link org.smbscope.client.auth.KerberosMechanism}), its settings, and the choice between
 * Kerberos and NTLM for a session ({@link org.smbscope.client.auth.SessionMechanisms}).
 */
package org.smbscope.client.auth;
