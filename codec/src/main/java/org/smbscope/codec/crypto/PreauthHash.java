package org.smbscope.codec.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An SMB 3.1.1 preauthentication integrity hash value ([MS-SMB2] 3.2.5.2 and 3.2.5.3.1,
 * 2.2.3.1.1 PREAUTH_INTEGRITY_CAPABILITIES with SHA-512): starts as 64 zero bytes, and each
 * message step makes H' = SHA-512(H || message).
 *
 * <p>The connection hash covers the NEGOTIATE request and response; each session hash starts
 * from the connection hash and adds every SESSION_SETUP request and every SESSION_SETUP response
 * except the final successful one. Immutable: {@link #update} returns a new value, so a session
 * can fork from the connection's value.
 */
public final class PreauthHash {
    /** Length of a SHA-512 value in bytes. */
    public static final int LENGTH = 64;

    private final byte[] value;

    private PreauthHash(byte[] value) {
        this.value = value;
    }

    /** The initial value: 64 zero bytes. */
    public static PreauthHash initial() {
        return new PreauthHash(new byte[LENGTH]);
    }

    /** A known value (e.g. a connection's hash restored elsewhere). */
    public static PreauthHash of(byte[] value) {
        if (value.length != LENGTH) {
            throw new IllegalArgumentException("preauth hash must be 64 bytes, got " + value.length);
        }
        return new PreauthHash(value.clone());
    }

    /** This value followed by a whole message (its SMB2 header onwards, no transport header). */
    public PreauthHash update(byte[] message) {
        return update(message, 0, message.length);
    }

    public PreauthHash update(byte[] message, int offset, int length) {
        MessageDigest sha = sha512();
        sha.update(value);
        sha.update(message, offset, length);
        return new PreauthHash(sha.digest());
    }

    /** A copy of the 64 bytes, the context for the 3.1.1 key derivation. */
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PreauthHash p && Arrays.equals(value, p.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "PreauthHash[" + HexFormat.of().formatHex(value) + "]";
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 unavailable", e);
        }
    }
}
