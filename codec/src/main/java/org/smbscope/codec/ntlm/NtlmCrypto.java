package org.smbscope.codec.ntlm;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.MD4Digest;

/**
 * The NTLM functions of [MS-NLMP] 3.3 (NTLM v1 and v2 authentication: NTOWF, LMOWF,
 * responses, session base keys) and 3.4.5 (KXKEY, SIGNKEY, SEALKEY), and the MIC of 3.1.5.1.2.
 * Every function is pure; the names follow the specification's pseudo-code.
 */
public final class NtlmCrypto {
    private static final byte[] LM_MAGIC = "KGS!@#$%".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLIENT_SIGN = magic("session key to client-to-server signing key magic constant");
    private static final byte[] SERVER_SIGN = magic("session key to server-to-client signing key magic constant");
    private static final byte[] CLIENT_SEAL = magic("session key to client-to-server sealing key magic constant");
    private static final byte[] SERVER_SEAL = magic("session key to server-to-client sealing key magic constant");

    private NtlmCrypto() {
    }

    private static byte[] magic(String s) {
        return (s + "\0").getBytes(StandardCharsets.US_ASCII);
    }

    // ---- primitives -------------------------------------------------------------------------

    public static byte[] md4(byte[] data) {
        MD4Digest d = new MD4Digest();
        d.update(data, 0, data.length);
        byte[] out = new byte[16];
        d.doFinal(out, 0);
        return out;
    }

    public static byte[] md5(byte[]... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            for (byte[] p : parts) {
                md.update(p);
            }
            return md.digest();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
    }

    public static byte[] hmacMd5(byte[] key, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec(key, "HmacMD5"));
            for (byte[] p : parts) {
                mac.update(p);
            }
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacMD5 unavailable", e);
        }
    }

    /** DES encryption of one block with a 7-byte key expanded to 8 bytes with parity bits. */
    static byte[] des(byte[] key7, byte[] block8) {
        byte[] k = new byte[8];
        k[0] = key7[0];
        k[1] = (byte) ((key7[0] << 7) | ((key7[1] & 0xff) >>> 1));
        k[2] = (byte) ((key7[1] << 6) | ((key7[2] & 0xff) >>> 2));
        k[3] = (byte) ((key7[2] << 5) | ((key7[3] & 0xff) >>> 3));
        k[4] = (byte) ((key7[3] << 4) | ((key7[4] & 0xff) >>> 4));
        k[5] = (byte) ((key7[4] << 3) | ((key7[5] & 0xff) >>> 5));
        k[6] = (byte) ((key7[5] << 2) | ((key7[6] & 0xff) >>> 6));
        k[7] = (byte) (key7[6] << 1);
        for (int i = 0; i < 8; i++) {
            int b = k[i] & 0xfe;
            k[i] = (byte) (Integer.bitCount(b) % 2 == 0 ? b | 1 : b);
        }
        try {
            Cipher c = Cipher.getInstance("DES/ECB/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "DES"));
            return c.doFinal(block8, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DES unavailable", e);
        }
    }

    /** DESL(K, D) of [MS-NLMP] 6: three DES encryptions of D with the 16-byte K split into 7-byte keys. */
    public static byte[] desl(byte[] key16, byte[] data8) {
        byte[] k = Arrays.copyOf(key16, 21);
        byte[] out = new byte[24];
        System.arraycopy(des(Arrays.copyOfRange(k, 0, 7), data8), 0, out, 0, 8);
        System.arraycopy(des(Arrays.copyOfRange(k, 7, 14), data8), 0, out, 8, 8);
        System.arraycopy(des(Arrays.copyOfRange(k, 14, 21), data8), 0, out, 16, 8);
        return out;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }

    // ---- one-way functions (3.3.1, 3.3.2) ---------------------------------------------------

    /** NTOWFv1: MD4 of the UTF-16LE password (the "NT hash"). */
    public static byte[] ntowfv1(String password) {
        return md4(utf16(password));
    }

    /** LMOWFv1: DES of "KGS!@#$%" under the upper-cased OEM password, padded or cut to 14 bytes. */
    public static byte[] lmowfv1(String password) {
        byte[] pw = Arrays.copyOf(password.toUpperCase(Locale.ROOT).getBytes(oem()), 14);
        return concat(des(Arrays.copyOfRange(pw, 0, 7), LM_MAGIC), des(Arrays.copyOfRange(pw, 7, 14), LM_MAGIC));
    }

    private static Charset oem() {
        return Charset.isSupported("IBM850") ? Charset.forName("IBM850") : StandardCharsets.ISO_8859_1;
    }

    /** NTOWFv2 (= LMOWFv2): HMAC_MD5(NT hash, UNICODE(Uppercase(User) + UserDom)). */
    public static byte[] ntowfv2(byte[] ntHash, String user, String domain) {
        return hmacMd5(ntHash, utf16(user.toUpperCase(Locale.ROOT) + domain));
    }

    // ---- responses -------------------------------------------------------------------------

    /** LM response (v1): DESL(LMOWFv1, ServerChallenge). */
    public static byte[] lmResponse(byte[] lmHash, byte[] serverChallenge) {
        return desl(lmHash, serverChallenge);
    }

    /** NTLMv1 response: DESL(NTOWFv1, ServerChallenge). */
    public static byte[] ntlmv1Response(byte[] ntHash, byte[] serverChallenge) {
        return desl(ntHash, serverChallenge);
    }

    /**
     * NTLMv1 with extended session security (the "NTLM2 session response"):
     * DESL(NTOWFv1, MD5(ServerChallenge + ClientChallenge)[0..8]).
     */
    public static byte[] ntlm2SessionResponse(byte[] ntHash, byte[] serverChallenge, byte[] clientChallenge) {
        return desl(ntHash, Arrays.copyOf(md5(serverChallenge, clientChallenge), 8));
    }

    /** The LM field that goes with the NTLM2 session response: ClientChallenge + Z(16). */
    public static byte[] ntlm2SessionLmField(byte[] clientChallenge) {
        return Arrays.copyOf(clientChallenge, 24);
    }

    /** Session base key for NTLM v1 (with or without ESS): MD4(NTOWFv1). */
    public static byte[] sessionBaseKeyV1(byte[] ntHash) {
        return md4(ntHash);
    }

    /** LMv2 response: HMAC_MD5(ResponseKeyLM, ServerChallenge + ClientChallenge) + ClientChallenge. */
    public static byte[] lmv2Response(byte[] responseKeyLm, byte[] serverChallenge, byte[] clientChallenge) {
        return concat(hmacMd5(responseKeyLm, serverChallenge, clientChallenge), clientChallenge);
    }

    /** NTLMv2 response: NTProofStr + temp, where temp is the client challenge structure. */
    public static byte[] ntlmv2Response(byte[] responseKeyNt, byte[] serverChallenge, byte[] clientChallenge,
            long timestamp, byte[] avPairs) {
        byte[] temp = NtlmV2Response.temp(timestamp, clientChallenge, avPairs);
        return concat(hmacMd5(responseKeyNt, serverChallenge, temp), temp);
    }

    /** NTProofStr of an NTLMv2 response: HMAC_MD5(ResponseKeyNT, ServerChallenge + temp). */
    public static byte[] ntProofStr(byte[] responseKeyNt, byte[] serverChallenge, byte[] temp) {
        return hmacMd5(responseKeyNt, serverChallenge, temp);
    }

    /** Session base key for NTLMv2: HMAC_MD5(ResponseKeyNT, NTProofStr). */
    public static byte[] sessionBaseKeyV2(byte[] responseKeyNt, byte[] ntProofStr) {
        return hmacMd5(responseKeyNt, ntProofStr);
    }

    // ---- keys (3.4.5) ------------------------------------------------------------------------

    /**
     * KXKEY for NTLM v1 ([MS-NLMP] 3.4.5.1). For NTLMv2 the key exchange key is the session base
     * key itself.
     *
     * @param lmHash LMOWFv1, needed only for NTLMSSP_NEGOTIATE_LM_KEY / NON_NT_SESSION_KEY
     */
    public static byte[] kxkeyV1(Set<NegotiateFlag> flags, byte[] sessionBaseKey, byte[] lmResponse,
            byte[] serverChallenge, byte[] lmHash) {
        if (flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY)) {
            return hmacMd5(sessionBaseKey, serverChallenge, Arrays.copyOf(lmResponse, 8));
        }
        if (flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_LM_KEY)) {
            byte[] lm8 = Arrays.copyOf(lmResponse, 8);
            byte[] second = {lmHash[7], (byte) 0xbd, (byte) 0xbd, (byte) 0xbd, (byte) 0xbd, (byte) 0xbd, (byte) 0xbd};
            return concat(des(Arrays.copyOf(lmHash, 7), lm8), des(second, lm8));
        }
        if (flags.contains(NegotiateFlag.NTLMSSP_REQUEST_NON_NT_SESSION_KEY)) {
            return Arrays.copyOf(Arrays.copyOf(lmHash, 8), 16);
        }
        return sessionBaseKey.clone();
    }

    /** RC4K(KeyExchangeKey, RandomSessionKey): the EncryptedRandomSessionKey (and its inverse). */
    public static byte[] rc4k(byte[] key, byte[] data) {
        return Rc4.once(key, data);
    }

    /** SIGNKEY: the signing key for one direction; null without extended session security. */
    public static byte[] signKey(Set<NegotiateFlag> flags, byte[] exportedSessionKey, boolean clientToServer) {
        if (!flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY)) {
            return null;
        }
        return md5(exportedSessionKey, clientToServer ? CLIENT_SIGN : SERVER_SIGN);
    }

    /** SEALKEY: the sealing key for one direction, with the 128/56/40-bit variants. */
    public static byte[] sealKey(Set<NegotiateFlag> flags, byte[] exportedSessionKey, boolean clientToServer) {
        if (flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY)) {
            byte[] k;
            if (flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_128)) {
                k = exportedSessionKey;
            } else if (flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_56)) {
                k = Arrays.copyOf(exportedSessionKey, 7);
            } else {
                k = Arrays.copyOf(exportedSessionKey, 5);
            }
            return md5(k, clientToServer ? CLIENT_SEAL : SERVER_SEAL);
        }
        if (flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_LM_KEY)
                || flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_DATAGRAM)) {
            if (flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_56)) {
                return concat(Arrays.copyOf(exportedSessionKey, 7), new byte[] {(byte) 0xa0});
            }
            return concat(Arrays.copyOf(exportedSessionKey, 5), new byte[] {(byte) 0xe5, 0x38, (byte) 0xb0});
        }
        return exportedSessionKey.clone();
    }

    /** MIC: HMAC_MD5(ExportedSessionKey, NEGOTIATE + CHALLENGE + AUTHENTICATE with a zero MIC). */
    public static byte[] mic(byte[] exportedSessionKey, byte[] negotiate, byte[] challenge, byte[] authenticateZeroMic) {
        return hmacMd5(exportedSessionKey, negotiate, challenge, authenticateZeroMic);
    }
}
