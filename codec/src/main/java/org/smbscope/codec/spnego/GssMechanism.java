package org.smbscope.codec.spnego;

import org.smbscope.codec.asn1.Oid;

/**
 * A security mechanism SPNEGO can negotiate (NTLM now, Kerberos later). One instance per
 * authentication; stateful.
 */
public interface GssMechanism {
    /** The mechanism's OID as listed in mechTypes. */
    Oid oid();

    /** Whether this mechanism also answers to {@code other} (MS Kerberos vs Kerberos). */
    default boolean answersTo(Oid other) {
        return oid().equals(other);
    }

    /** The first (optimistic) token. */
    byte[] initialToken() throws GssException;

    /** The token answering the acceptor's {@code token}; null when there is nothing to send. */
    byte[] nextToken(byte[] token) throws GssException;

    boolean isComplete();

    /** The session key (for SMB, the key signing derives from); null until complete. */
    byte[] sessionKey();

    /** GSS_GetMIC with the initiator's outgoing key; null if the mechanism has no integrity. */
    byte[] getMic(byte[] data);

    /** GSS_VerifyMIC of a token from the acceptor. */
    boolean verifyMic(byte[] data, byte[] mic);
}
