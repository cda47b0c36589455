/**
 * Kerberos V5 messages (RFC 4120 5), decoded for the troubleshooter and never built: AS-REQ/REP,
 * TGS-REQ/REP, KRB-ERROR, AP-REQ/REP, bare or inside a GSS-API token (RFC 4121 4.1), with the
 * principal names, realms, encryption types, error codes and e-text a person needs. Nothing here
 * decrypts: encrypted parts are shown as their encryption type, key version and length.
 */
package org.smbscope.codec.kerberos;
