package org.smbscope.codec.ntlm;

import java.util.Arrays;
import java.util.Objects;

/**
 * Who the client authenticates as: a domain and user with either a password or only the NT hash
 * ({@code --pw-nt-hash}); or anonymous (null session). Guest is an ordinary user ("Guest") with an
 * empty password. {@link #toString()} never shows secrets.
 */
public final class NtlmCredentials {
    private final String domain;
    private final String user;
    private final String password; // null when only the hash is known
    private final byte[] ntHash;   // null for anonymous
    private final boolean anonymous;

    private NtlmCredentials(String domain, String user, String password, byte[] ntHash, boolean anonymous) {
        this.domain = Objects.requireNonNull(domain);
        this.user = Objects.requireNonNull(user);
        this.password = password;
        this.ntHash = ntHash;
        this.anonymous = anonymous;
    }

    public static NtlmCredentials password(String domain, String user, String password) {
        return new NtlmCredentials(domain, user, password, NtlmCrypto.ntowfv1(password), false);
    }

    /** Pass-the-hash: the 16-byte NT hash instead of the password (no LM response possible). */
    public static NtlmCredentials ntHash(String domain, String user, byte[] ntHash) {
        if (ntHash.length != 16) {
            throw new IllegalArgumentException("an NT hash is 16 bytes");
        }
        return new NtlmCredentials(domain, user, null, ntHash.clone(), false);
    }

    public static NtlmCredentials anonymous() {
        return new NtlmCredentials("", "", null, null, true);
    }

    /** The guest account with an empty password. */
    public static NtlmCredentials guest() {
        return password("", "Guest", "");
    }

    public String domain() {
        return domain;
    }

    public String user() {
        return user;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public boolean hasPassword() {
        return password != null;
    }

    byte[] ntHash() {
        return ntHash == null ? null : ntHash.clone();
    }

    /** LMOWFv1, or null when only the NT hash is known. */
    byte[] lmHash() {
        return password == null ? null : NtlmCrypto.lmowfv1(password);
    }

    /** Whether the password can have an LM hash at all (at most 14 characters). */
    boolean lmPossible() {
        return password != null && password.length() <= 14;
    }

    @Override
    public String toString() {
        return anonymous ? "anonymous" : (domain.isEmpty() ? "" : domain + "\\") + user
                + (password != null ? " (password)" : " (NT hash)");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NtlmCredentials c && c.domain.equals(domain) && c.user.equals(user)
                && Objects.equals(c.password, password) && Arrays.equals(c.ntHash, ntHash) && c.anonymous == anonymous;
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain, user);
    }
}
