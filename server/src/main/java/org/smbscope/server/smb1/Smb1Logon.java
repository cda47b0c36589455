package org.smbscope.server.smb1;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.smbscope.codec.ntlm.NtlmCrypto;
import org.smbscope.server.config.NtlmAuthPolicy;

/**
 * Non-extended NT LM 0.12 logon ([MS-CIFS] 3.3.5.3, [MS-NLMP] 3.3.1 and 3.3.2): the client's OEM (LM) and
 * Unicode (NT) password fields answer the 8-byte challenge of the NEGOTIATE response with NTLMv2 / LMv2,
 * NTLMv1 or LM responses. Which are accepted follows {@code ntlm auth} and {@code lanman auth}. The signing MAC
 * key is the session key followed by the response that proved the password.
 */
final class Smb1Logon {
    private Smb1Logon() {
    }

    /** A verified logon: the session key and the MAC key for signing. */
    record Verified(String kind, byte[] sessionKey, byte[] macKey) {
    }

    /** Null when no accepted response matches. */
    static Verified verify(byte[] ntHash, byte[] lmHash, String user, String domain, byte[] challenge, byte[] lm,
            byte[] nt, NtlmAuthPolicy policy, boolean lanmanAuth) {
        if (policy == NtlmAuthPolicy.DISABLED) {
            return null;
        }
        if (nt.length > 24) {
            for (String dom : candidates(domain)) {
                byte[] key = NtlmCrypto.ntowfv2(ntHash, user, dom);
                byte[] proof = NtlmCrypto.ntProofStr(key, challenge, Arrays.copyOfRange(nt, 16, nt.length));
                if (MessageDigest.isEqual(proof, Arrays.copyOf(nt, 16))) {
                    byte[] sk = NtlmCrypto.sessionBaseKeyV2(key, proof);
                    return new Verified("NTLMv2", sk, concat(sk, nt));
                }
            }
            return null;
        }
        if (nt.length == 0 && lm.length == 24 && policy == NtlmAuthPolicy.NTLMV2_ONLY) {
            for (String dom : candidates(domain)) {
                byte[] key = NtlmCrypto.ntowfv2(ntHash, user, dom);
                byte[] expect = NtlmCrypto.lmv2Response(key, challenge, Arrays.copyOfRange(lm, 16, 24));
                if (MessageDigest.isEqual(expect, lm)) {
                    byte[] sk = NtlmCrypto.hmacMd5(key, Arrays.copyOf(lm, 16));
                    return new Verified("LMv2", sk, concat(sk, lm));
                }
            }
            return null;
        }
        if (policy != NtlmAuthPolicy.NTLMV1_PERMITTED) {
            return null;
        }
        if (nt.length == 24 && MessageDigest.isEqual(NtlmCrypto.ntlmv1Response(ntHash, challenge), nt)) {
            byte[] sk = NtlmCrypto.sessionBaseKeyV1(ntHash);
            return new Verified("NTLMv1", sk, concat(sk, nt));
        }
        if (lanmanAuth && lmHash != null && lm.length == 24
                && MessageDigest.isEqual(NtlmCrypto.lmResponse(lmHash, challenge), lm)) {
            byte[] sk = Arrays.copyOf(Arrays.copyOf(lmHash, 8), 16);
            return new Verified("LM", sk, concat(sk, lm));
        }
        return null;
    }

    private static List<String> candidates(String domain) {
        String up = domain.toUpperCase(Locale.ROOT);
        return up.equals(domain) ? List.of(domain, "") : List.of(domain, up, "");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
