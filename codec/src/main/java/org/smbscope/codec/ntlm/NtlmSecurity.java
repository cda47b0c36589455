package org.smbscope.codec.ntlm;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * NTLM message integrity and confidentiality for connection-oriented use, [MS-NLMP] 3.4.3 and
 * 3.4.4 (MAC with and without extended session security), as DCE/RPC and SPNEGO's mechListMIC
 * use it. One instance per side; each direction keeps its RC4 handle and sequence number.
 * Not thread-safe.
 */
public final class NtlmSecurity {
    private final Set<NegotiateFlag> flags;
    private final byte[] outSignKey;
    private final byte[] inSignKey;
    private final Rc4 outSeal;
    private final Rc4 inSeal;
    private int outSeq;
    private int inSeq;

    /** @param client true on the client side (it sends with the client-to-server keys) */
    public NtlmSecurity(Set<NegotiateFlag> flags, byte[] exportedSessionKey, boolean client) {
        this.flags = flags.isEmpty() ? EnumSet.noneOf(NegotiateFlag.class) : EnumSet.copyOf(flags);
        this.outSignKey = NtlmCrypto.signKey(flags, exportedSessionKey, client);
        this.inSignKey = NtlmCrypto.signKey(flags, exportedSessionKey, !client);
        if (ess()) {
            this.outSeal = new Rc4(NtlmCrypto.sealKey(flags, exportedSessionKey, client));
            this.inSeal = new Rc4(NtlmCrypto.sealKey(flags, exportedSessionKey, !client));
        } else {
            byte[] k = NtlmCrypto.sealKey(flags, exportedSessionKey, client);
            this.outSeal = new Rc4(k);
            this.inSeal = new Rc4(k);
        }
    }

    private boolean ess() {
        return flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY);
    }

    /** The client-to-server (client) or server-to-client (server) signing key; null without ESS. */
    public byte[] outgoingSigningKey() {
        return outSignKey == null ? null : outSignKey.clone();
    }

    /** A sealed message: ciphertext and its 16-byte signature. */
    public record Sealed(byte[] ciphertext, byte[] signature) {
    }

    /** Signs an outgoing message (GSS_GetMIC), advancing the sequence number. */
    public byte[] sign(byte[] message) {
        return mac(message, outSignKey, outSeal, outSeq++);
    }

    /** Verifies an incoming signature (GSS_VerifyMIC), advancing the sequence number. */
    public boolean verify(byte[] message, byte[] signature) {
        byte[] expected = mac(message, inSignKey, inSeal, inSeq++);
        return MessageDigest.isEqual(expected, signature);
    }

    /** Seals an outgoing message (GSS_WrapEx): encrypt, then sign the plaintext. */
    public Sealed seal(byte[] message) {
        byte[] c = outSeal.apply(message);
        return new Sealed(c, mac(message, outSignKey, outSeal, outSeq++));
    }

    /** Unseals an incoming message (GSS_UnwrapEx); null when the signature does not verify. */
    public byte[] unseal(byte[] ciphertext, byte[] signature) {
        byte[] p = inSeal.apply(ciphertext);
        byte[] expected = mac(p, inSignKey, inSeal, inSeq++);
        return MessageDigest.isEqual(expected, signature) ? p : null;
    }

    private byte[] mac(byte[] message, byte[] signKey, Rc4 seal, int seq) {
        byte[] out = new byte[16];
        out[0] = 1;
        if (ess()) {
            byte[] seqLe = le32(seq);
            byte[] checksum = Arrays.copyOf(NtlmCrypto.hmacMd5(signKey, seqLe, message), 8);
            if (flags.contains(NegotiateFlag.NTLMSSP_NEGOTIATE_KEY_EXCH)) {
                checksum = seal.apply(checksum);
            }
            System.arraycopy(checksum, 0, out, 4, 8);
            System.arraycopy(seqLe, 0, out, 12, 4);
        } else {
            CRC32 crc = new CRC32();
            crc.update(message);
            byte[] enc = seal.apply(NtlmCrypto.concat(new byte[4], le32((int) crc.getValue()), new byte[4]));
            // RandomPad is encrypted (consuming key stream) and then sent as zero.
            System.arraycopy(enc, 4, out, 8, 4);
            byte[] s = le32(seq);
            for (int i = 0; i < 4; i++) {
                out[12 + i] = (byte) (enc[8 + i] ^ s[i]);
            }
        }
        return out;
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)};
    }
}
