package org.smbscope.client;

import java.util.Objects;

/**
 * Who to log on as. {@code ntHash} (16 bytes) replaces the password when set ({@code --pw-nt-hash}).
 * Anonymous is an empty user and password (NTLM anonymous); guest is any user the server maps to
 * guest.
 */
public record Credentials(String domain, String user, String password, byte[] ntHash) {
    public Credentials {
        domain = domain == null ? "" : domain;
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (ntHash != null) {
            if (ntHash.length != 16) {
                throw new IllegalArgumentException("an NT hash is 16 bytes");
            }
            ntHash = ntHash.clone();
        }
    }

    public static Credentials anonymous() {
        return new Credentials("", "", "", null);
    }

    public static Credentials of(String domain, String user, String password) {
        return new Credentials(domain, Objects.requireNonNull(user), password, null);
    }

    public boolean isAnonymous() {
        return user.isEmpty() && password.isEmpty() && ntHash == null;
    }

    @Override
    public byte[] ntHash() {
        return ntHash == null ? null : ntHash.clone();
    }

    @Override
    public String toString() {
        return "Credentials[" + (domain.isEmpty() ? "" : domain + "\\") + (user.isEmpty() ? "(anonymous)" : user) + "]";
    }
}
