package org.smbscope.client.smb1;

import java.util.random.RandomGenerator;

import org.smbscope.codec.dtyp.FileTime;
import org.smbscope.codec.ntlm.NtlmCrypto;

/**
 * The NT LM 0.12 (non-extended security) passwords of SESSION_SETUP_ANDX ([MS-CIFS] 3.2.4.2.4,
 * [MS-NLMP] 3.3.1 and 3.3.2) computed from the server's 8-byte EncryptionKey: LM + NTLM (levels 0-1),
 * NTLM in both fields (level 2), LMv2 + NTLMv2 (3-5); with the session key and the MAC key for
 * signing (session key + NT response, [MS-CIFS] 3.2.4.2.4).
 */
record LegacyResponses(byte[] lm, byte[] nt, byte[] sessionKey) {

    byte[] macKey() {
        byte[] k = java.util.Arrays.copyOf(sessionKey, sessionKey.length + nt.length);
        System.arraycopy(nt, 0, k, sessionKey.length, nt.length);
        return k;
    }

    static LegacyResponses anonymous() {
        return new LegacyResponses(new byte[0], new byte[0], new byte[0]);
    }

    /**
     * @param password null when only the NT hash is known (no LM response is possible then)
     */
    static LegacyResponses compute(int level, String user, String domain, String password, byte[] ntHash,
            byte[] challenge, long fileTimeNow, RandomGenerator random) {
        if (challenge.length != 8) {
            throw new IllegalArgumentException("the NT LM 0.12 challenge is 8 bytes, got " + challenge.length);
        }
        byte[] nth = ntHash != null ? ntHash : NtlmCrypto.ntowfv1(password);
        if (level >= 3) {
            byte[] keyNt = NtlmCrypto.ntowfv2(nth, user, domain);
            byte[] cc = new byte[8];
            random.nextBytes(cc);
            byte[] lm = NtlmCrypto.lmv2Response(keyNt, challenge, cc);
            byte[] cc2 = new byte[8];
            random.nextBytes(cc2);
            byte[] nt = NtlmCrypto.ntlmv2Response(keyNt, challenge, cc2, fileTimeNow, new byte[0]);
            byte[] proof = java.util.Arrays.copyOf(nt, 16);
            return new LegacyResponses(lm, nt, NtlmCrypto.sessionBaseKeyV2(keyNt, proof));
        }
        byte[] nt = NtlmCrypto.ntlmv1Response(nth, challenge);
        byte[] lm = level <= 1 && password != null ? NtlmCrypto.lmResponse(NtlmCrypto.lmowfv1(password), challenge) : nt;
        return new LegacyResponses(lm, nt, NtlmCrypto.sessionBaseKeyV1(nth));
    }

    static long fileTime(java.time.Instant now) {
        return FileTime.of(now).value();
    }
}
