package org.smbscope.codec.ntlm;

import java.util.Optional;

/** Where an {@link NtlmServerContext} finds a user's hashes (a passdb, a test map). */
@FunctionalInterface
public interface NtlmAccounts {
    /**
     * The account named {@code user} as sent by the client (the lookup decides about case and
     * whether the domain matters).
     */
    Optional<NtlmAccount> find(String domain, String user);

    /** A user's stored secrets: the NT hash and, if LM is kept, the LM hash. */
    record NtlmAccount(String user, byte[] ntHash, byte[] lmHash) {
        public NtlmAccount {
            ntHash = ntHash.clone();
            lmHash = lmHash == null ? null : lmHash.clone();
        }

        public static NtlmAccount withPassword(String user, String password) {
            return new NtlmAccount(user, NtlmCrypto.ntowfv1(password),
                    password.length() <= 14 ? NtlmCrypto.lmowfv1(password) : null);
        }

        @Override
        public byte[] ntHash() {
            return ntHash.clone();
        }

        @Override
        public byte[] lmHash() {
            return lmHash == null ? null : lmHash.clone();
        }

        @Override
        public String toString() {
            return "NtlmAccount[" + user + "]";
        }
    }
}
