package org.smbscope.codec.crypto;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * [MS-SMB2] 3.1.4.1: AES-128-GMAC (3.1.1 with the SIGNING_CAPABILITIES context): GCM with the
 * message as associated data; nonce = MessageId (8 bytes LE), then a 32-bit LE value with bit 0
 * = server-to-client (SMB2_FLAGS_SERVER_TO_REDIR), bit 1 = CANCEL request.
 *
 * <p>The JDK's GCM keeps all associated data in an array of its own before it hashes any (an 8 MiB
 * message cost two allocations and two copies), so the message goes through GCM as ciphertext
 * instead, in pieces that stay in the cache: NIST SP 800-38D GHASH is linear, and the tag of GCM
 * over ciphertext C with no associated data differs from the GMAC of C only in the final length
 * block, ({@code 0 || len(C)}) instead of ({@code len(C) || 0}). So GMAC(M) = GCM tag over C = M,
 * xor ((len(M) || len(M)) * H), H = AES(K, 0^128). GCM takes plaintext, so each piece of M is
 * first run through AES-CTR from the same counter GCM starts its encryption at (inc32(J0)): the
 * plaintext P = M xor keystream encrypts to C = M.
 */
final class AesGmacSigner implements Smb2Signer {
    private static final int SMB2_CANCEL = 0x000C;
    private static final int FLAGS_SERVER_TO_REDIR = 0x1;
    private final AesGcm gcm;
    /** The GHASH key H = AES(K, 0^128), as two big-endian halves. */
    private final long hHigh;
    private final long hLow;

    AesGmacSigner(byte[] key) {
        if (key.length != 16) {
            throw new IllegalArgumentException("AES-128-GMAC signing key must be 16 bytes, got " + key.length);
        }
        this.gcm = new AesGcm(key);
        try {
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
            ByteBuffer h = ByteBuffer.wrap(ecb.doFinal(new byte[16]));
            hHigh = h.getLong();
            hLow = h.getLong();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES unavailable", e);
        }
    }

    @Override
    public SigningAlgorithm algorithm() {
        return SigningAlgorithm.AES_GMAC;
    }

    /** The GMAC nonce of the message starting at {@code offset}. */
    static byte[] nonce(byte[] buf, int offset) {
        byte[] nonce = new byte[12];
        System.arraycopy(buf, offset + 24, nonce, 0, 8); // MessageId, little endian as on the wire
        int command = (buf[offset + 12] & 0xFF) | (buf[offset + 13] & 0xFF) << 8;
        int flags = buf[offset + 16] & 0xFF;
        int role = (flags & FLAGS_SERVER_TO_REDIR) != 0 ? 1 : 0;
        int cancel = command == SMB2_CANCEL ? 2 : 0;
        nonce[8] = (byte) (role | cancel);
        return nonce;
    }

    @Override
    public byte[] compute(byte[] buf, int offset, int length) {
        Smb2Signer.checkRange(buf, offset, length);
        return gmac(buf, offset, ByteBuffer.wrap(buf, offset + HEADER_LENGTH, length - HEADER_LENGTH));
    }

    @Override
    public byte[] compute(ByteBuffer message) {
        Smb2Signer.checkRange(message);
        byte[] header = new byte[HEADER_LENGTH];
        message.get(message.position(), header);
        return gmac(header, 0, message.slice(message.position() + HEADER_LENGTH, message.remaining() - HEADER_LENGTH));
    }

    @Override
    public byte[] compute(byte[] head, ByteBuffer tail) {
        Smb2Signer.checkRange(head, 0, head.length);
        return gmac(head, 0, head.length, tail);
    }

    /** The GMAC of the 64-byte header at {@code header[offset]} (its Signature taken as zero) followed by {@code rest}. */
    private byte[] gmac(byte[] header, int offset, ByteBuffer rest) {
        return gmac(header, offset, HEADER_LENGTH, rest);
    }

    /**
     * The GMAC of {@code head[offset, offset+headLength)} (an SMB2 header and more; the Signature taken as zero)
     * followed by {@code rest}.
     */
    private byte[] gmac(byte[] head, int offset, int headLength, ByteBuffer rest) {
        Gmac g = new Gmac(java.util.Arrays.copyOfRange(head, offset, offset + HEADER_LENGTH));
        g.update(ByteBuffer.wrap(head, offset + HEADER_LENGTH, headLength - HEADER_LENGTH));
        g.update(rest.duplicate());
        return g.finish();
    }

    @Override
    public Running start(byte[] header) {
        Smb2Signer.checkRange(header, 0, header.length);
        return new Gmac(java.util.Arrays.copyOf(header, HEADER_LENGTH));
    }

    /** A running GMAC: the message is taken as GCM ciphertext ({@link AesGcm.AsCiphertext}; see the class comment). */
    private final class Gmac implements Running {
        private final AesGcm.AsCiphertext data;

        /** Starts with the 64-byte {@code header} (a copy: its Signature is zeroed here). */
        Gmac(byte[] header) {
            data = gcm.asCiphertext(nonce(header, 0), new byte[0]);
            java.util.Arrays.fill(header, SIGNATURE_OFFSET, HEADER_LENGTH, (byte) 0);
            data.pass(header, 0, HEADER_LENGTH);
        }

        @Override
        public void update(ByteBuffer part) {
            data.pass(part, false);
        }

        @Override
        public byte[] finish() {
            long length = data.length();
            byte[] tag = data.tag();
            // GCM hashed (0 || bits) as its length block, GMAC hashes (bits || 0): add (bits || bits) * H
            long bits = length * 8;
            long[] d = multiply(bits, bits, hHigh, hLow);
            for (int i = 0; i < 8; i++) {
                tag[i] ^= (byte) (d[0] >>> (56 - 8 * i));
                tag[8 + i] ^= (byte) (d[1] >>> (56 - 8 * i));
            }
            return tag;
        }
    }

    /** X * Y in GF(2^128) with GCM's bit order (NIST SP 800-38D, Algorithm 1); values as big-endian halves. */
    static long[] multiply(long xHigh, long xLow, long yHigh, long yLow) {
        long zHigh = 0;
        long zLow = 0;
        long vHigh = yHigh;
        long vLow = yLow;
        for (int i = 0; i < 128; i++) {
            long bit = i < 64 ? (xHigh >>> (63 - i)) & 1 : (xLow >>> (127 - i)) & 1;
            if (bit != 0) {
                zHigh ^= vHigh;
                zLow ^= vLow;
            }
            boolean carry = (vLow & 1) != 0;
            vLow = (vLow >>> 1) | (vHigh << 63);
            vHigh >>>= 1;
            if (carry) {
                vHigh ^= 0xE100000000000000L;
            }
        }
        return new long[] {zHigh, zLow};
    }

    @Override
    public String toString() {
        return algorithm().label();
    }
}
