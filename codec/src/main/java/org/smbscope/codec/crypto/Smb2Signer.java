package org.smbscope.codec.crypto;

import java.nio.ByteBuffer;

import java.security.MessageDigest;

/**
 * Signs and verifies SMB2 messages ([MS-SMB2] 3.1.4.1 Signing An Outgoing Message, 3.1.5.1
 * Verifying an Incoming Message). A message is the 64-byte SMB2 header and its body; the
 * 16-byte Signature field at offset 48 is taken as zeros while the MAC is computed (the buffer
 * is not modified for that), and the SMB2_FLAGS_SIGNED flag must already be set by the caller.
 * In a compound, each message is signed alone, from its header to its NextCommand offset (the
 * last one to the end): see {@link #signChain}.
 *
 * <ul>
 * <li>{@link SigningAlgorithm#HMAC_SHA256} (2.0.2, 2.1): HMAC-SHA256 keyed with the session
 *     key, truncated to 16 bytes;</li>
 * <li>{@link SigningAlgorithm#AES_CMAC} (3.x): AES-128-CMAC with the signing key;</li>
 * <li>{@link SigningAlgorithm#AES_GMAC} (3.1.1 with SIGNING_CAPABILITIES): AES-128-GCM with the
 *     message as associated data and no plaintext; the 12-byte nonce is the MessageId (8 bytes
 *     little endian) then a 32-bit little-endian value whose bit 0 is set for a server-to-client
 *     message (SMB2_FLAGS_SERVER_TO_REDIR) and bit 1 for an SMB2 CANCEL request.</li>
 * </ul>
 * Instances are immutable and thread-safe.
 */
public sealed interface Smb2Signer permits HmacSha256Signer, AesCmacSigner, AesGmacSigner {
    /** Length of the SMB2 header. */
    int HEADER_LENGTH = 64;
    /** Offset of the Signature field in the SMB2 header. */
    int SIGNATURE_OFFSET = 48;
    /** Length of the Signature field. */
    int SIGNATURE_LENGTH = 16;

    /** A signer for {@code algorithm} with {@code key} (the session key for HMAC-SHA256, else the signing key). */
    static Smb2Signer of(SigningAlgorithm algorithm, byte[] key) {
        return switch (algorithm) {
            case HMAC_SHA256 -> new HmacSha256Signer(key);
            case AES_CMAC -> new AesCmacSigner(key);
            case AES_GMAC -> new AesGmacSigner(key);
        };
    }

    /** A signer with a session's signing key; {@code algorithm} null means the dialect's default. */
    static Smb2Signer of(Smb3Keys keys, SigningAlgorithm algorithm) {
        return of(algorithm == null ? SigningAlgorithm.defaultFor(keys.dialect()) : algorithm, keys.signing());
    }

    SigningAlgorithm algorithm();

    /**
     * The 16-byte signature of the message {@code buf[offset, offset+length)}, computed as if its
     * Signature field were zero.
     *
     * @throws IllegalArgumentException if the range is shorter than an SMB2 header
     */
    byte[] compute(byte[] buf, int offset, int length);

    /**
     * The 16-byte signature of the message from {@code message}'s position to its limit (a direct buffer, say a
     * frame read straight from a socket), computed as if its Signature field were zero; the buffer's position
     * and contents are unchanged. The signers read a direct buffer in pieces instead of copying it whole.
     *
     * @throws IllegalArgumentException if the message is shorter than an SMB2 header
     */
    default byte[] compute(ByteBuffer message) {
        checkRange(message);
        byte[] copy = new byte[message.remaining()];
        message.get(message.position(), copy);
        return compute(copy, 0, copy.length);
    }

    /**
     * The signature of the message made of {@code head} (the SMB2 header and more) followed by {@code tail} (position
     * to limit, unchanged): a READ response whose data is in a direct buffer, signed without joining the two.
     *
     * @throws IllegalArgumentException if {@code head} is shorter than an SMB2 header
     */
    default byte[] compute(byte[] head, ByteBuffer tail) {
        checkRange(head, 0, head.length);
        byte[] joined = java.util.Arrays.copyOf(head, head.length + tail.remaining());
        tail.get(tail.position(), joined, head.length, tail.remaining());
        return compute(joined, 0, joined.length);
    }

    /**
     * A signature computed part by part, for a message whose rest arrives after its header: {@link #update} with
     * the parts in order, then {@link #finish}. Not thread-safe; one message each.
     */
    interface Running {
        /** Adds the bytes from {@code part}'s position to its limit (the position moves to the limit). */
        void update(ByteBuffer part);

        /** The 16-byte signature of the header and everything added. */
        byte[] finish();
    }

    /**
     * Starts the signature of a message whose first {@link #HEADER_LENGTH} bytes are {@code header}'s (its Signature
     * field taken as zero); the rest follows through {@link Running#update}.
     *
     * @throws IllegalArgumentException if {@code header} is shorter than an SMB2 header
     */
    Running start(byte[] header);

    /** True if the Signature field of the message from {@code message}'s position to its limit holds its signature. */
    default boolean verify(ByteBuffer message) {
        byte[] expected = compute(message);
        byte[] actual = new byte[SIGNATURE_LENGTH];
        message.get(message.position() + SIGNATURE_OFFSET, actual);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Computes the signature and writes it into the message's Signature field. */
    default void sign(byte[] buf, int offset, int length) {
        byte[] s = compute(buf, offset, length);
        System.arraycopy(s, 0, buf, offset + SIGNATURE_OFFSET, SIGNATURE_LENGTH);
    }

    /** True if the message's Signature field holds its signature; compared in constant time. */
    default boolean verify(byte[] buf, int offset, int length) {
        byte[] expected = compute(buf, offset, length);
        byte[] actual = java.util.Arrays.copyOfRange(buf, offset + SIGNATURE_OFFSET, offset + SIGNATURE_OFFSET + SIGNATURE_LENGTH);
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * Signs every message of a compound chain in {@code buf[offset, offset+length)}, following
     * each header's NextCommand (offset 20); a plain message is a chain of one.
     *
     * @throws IllegalArgumentException if a NextCommand points outside the range or backwards
     */
    default void signChain(byte[] buf, int offset, int length) {
        int pos = offset;
        int end = offset + length;
        while (true) {
            if (end - pos < HEADER_LENGTH) {
                throw new IllegalArgumentException("compound message shorter than an SMB2 header at " + (pos - offset));
            }
            long next = (buf[pos + 20] & 0xFFL) | (buf[pos + 21] & 0xFFL) << 8
                    | (buf[pos + 22] & 0xFFL) << 16 | (buf[pos + 23] & 0xFFL) << 24;
            if (next == 0) {
                sign(buf, pos, end - pos);
                return;
            }
            if (next < HEADER_LENGTH || next > end - pos) {
                throw new IllegalArgumentException("NextCommand " + next + " outside the compound at " + (pos - offset));
            }
            sign(buf, pos, (int) next);
            pos += (int) next;
        }
    }

    static void checkRange(ByteBuffer message) {
        if (message.remaining() < HEADER_LENGTH) {
            throw new IllegalArgumentException("a " + message.remaining() + "-byte buffer is not an SMB2 message");
        }
    }

    static void checkRange(byte[] buf, int offset, int length) {
        if (offset < 0 || length < HEADER_LENGTH || offset > buf.length - length) {
            throw new IllegalArgumentException("message range [" + offset + ", +" + length
                    + ") is not an SMB2 message inside a " + buf.length + "-byte buffer");
        }
    }
}
