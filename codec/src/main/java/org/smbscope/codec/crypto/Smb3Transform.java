package org.smbscope.codec.crypto;

import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;

/**
 * Seals and opens SMB 3.x encrypted messages: [MS-SMB2] 2.2.41 SMB2 TRANSFORM_HEADER,
 * 3.1.4.3 Encrypting the Message, 3.2.5.1.1 / 3.3.5.2.1 Decrypting the Message. Works on raw
 * bytes (the smb2 package has the decoded record).
 *
 * <pre>
 *  0  ProtocolId           FD 'S' 'M' 'B'
 *  4  Signature[16]        the AEAD tag
 * 20  Nonce[16]            11 (CCM) or 12 (GCM) bytes used, the rest zero
 * 36  OriginalMessageSize  u32le, length of the plaintext
 * 40  Reserved             u16
 * 42  Flags                u16le, 0x0001 Encrypted (EncryptionAlgorithm AES-128-CCM in 3.0)
 * 44  SessionId            u64le
 * 52  encrypted message(s)
 * </pre>
 * The associated data is bytes 20..52 (Nonce to SessionId). The plaintext may be a compound
 * chain of SMB2 messages. An instance holds the ciphers of one session and direction pair.
 */
public final class Smb3Transform {
    /** Length of the transform header. */
    public static final int HEADER_LENGTH = 52;
    /** The transform header's ProtocolId, 0xFD 'S' 'M' 'B', as a big-endian int. */
    public static final int PROTOCOL_ID = 0xFD534D42;
    static final int SIGNATURE = 4;
    static final int NONCE = 20;
    static final int ORIGINAL_SIZE = 36;
    static final int FLAGS = 42;
    static final int SESSION_ID = 44;
    static final int FLAG_ENCRYPTED = 0x0001;

    private final Smb3Cipher sealer;
    private final Smb3Cipher opener;
    private final NonceSource nonces;

    private Smb3Transform(Smb3Cipher sealer, Smb3Cipher opener, NonceSource nonces) {
        this.sealer = sealer;
        this.opener = opener;
        this.nonces = nonces;
    }

    /**
     * A transform that seals with {@code keys.encrypting()} and opens with
     * {@code keys.decrypting()} (so a client passes its keys, a server {@link Smb3Keys#forServer()}).
     *
     * @throws IllegalArgumentException if the keys have no cipher (SMB 2.x)
     */
    public static Smb3Transform of(Smb3Keys keys, NonceSource nonces) {
        if (!keys.canEncrypt()) {
            throw new IllegalArgumentException("no encryption keys for " + keys);
        }
        return new Smb3Transform(Smb3Cipher.of(keys.cipher(), keys.encrypting()),
                Smb3Cipher.of(keys.cipher(), keys.decrypting()), nonces);
    }

    /** One-shot {@link #seal(long, byte[])} with new ciphers. */
    public static byte[] seal(Smb3Keys keys, NonceSource nonces, long sessionId, byte[] plain) {
        return of(keys, nonces).seal(sessionId, plain);
    }

    /** One-shot {@link #open(byte[])} with new ciphers. */
    public static byte[] open(Smb3Keys keys, byte[] message) throws CryptoDecodeException {
        return of(keys, length -> {
            throw new IllegalStateException("open needs no nonce");
        }).open(message);
    }

    public CipherId cipher() {
        return sealer.id();
    }

    public byte[] seal(long sessionId, byte[] plain) {
        return seal(sessionId, plain, 0, plain.length);
    }

    /** Encrypts {@code plain[offset, offset+length)} (one SMB2 message or a compound chain). */
    public byte[] seal(long sessionId, byte[] plain, int offset, int length) {
        if (offset < 0 || length < 0 || offset > plain.length - length) {
            throw new IllegalArgumentException("range outside the buffer");
        }
        byte[] out = new byte[HEADER_LENGTH + length];
        byte[] nonce = transformHeader(out, sessionId, length);
        byte[] aad = Arrays.copyOfRange(out, NONCE, HEADER_LENGTH);
        byte[] tag = sealer.seal(nonce, aad, plain, offset, length, out, HEADER_LENGTH);
        System.arraycopy(tag, 0, out, SIGNATURE, Smb3Cipher.TAG_LENGTH);
        return out;
    }

    /**
     * Writes a transform header ([MS-SMB2] 2.2.41) for a {@code length}-byte message of session {@code sessionId}
     * at the start of {@code out}, with a new nonce from the source; returns that nonce. The signature is left zero.
     */
    private byte[] transformHeader(byte[] out, long sessionId, int length) {
        int nonceLength = sealer.id().nonceLength();
        byte[] nonce = nonces.next(nonceLength);
        if (nonce.length != nonceLength) {
            throw new IllegalStateException("nonce source gave " + nonce.length + " bytes, wanted " + nonceLength);
        }
        out[0] = (byte) 0xFD;
        out[1] = 'S';
        out[2] = 'M';
        out[3] = 'B';
        System.arraycopy(nonce, 0, out, NONCE, nonceLength);
        putLe(out, ORIGINAL_SIZE, length, 4);
        putLe(out, FLAGS, FLAG_ENCRYPTED, 2);
        putLe(out, SESSION_ID, sessionId, 8);
        return nonce;
    }

    /**
     * Encrypts the message {@code head} followed by {@code tail} (position to limit, consumed; a READ response whose
     * data is in a direct buffer) into {@code out} from 0: transform header then ciphertext. {@code out} needs
     * {@link #HEADER_LENGTH} + the message's length + {@link Smb3Cipher#TAG_LENGTH} bytes of capacity (the tag passes
     * through the end). Returns {@code out} with position 0 and the sealed message's length as limit.
     */
    public ByteBuffer seal(long sessionId, byte[] head, ByteBuffer tail, ByteBuffer out) {
        int length = head.length + tail.remaining();
        if (out.capacity() < HEADER_LENGTH + length + Smb3Cipher.TAG_LENGTH || out.isReadOnly()) {
            throw new IllegalArgumentException("output buffer too small for a " + length + "-byte message");
        }
        byte[] header = new byte[HEADER_LENGTH];
        byte[] nonce = transformHeader(header, sessionId, length);
        byte[] aad = Arrays.copyOfRange(header, NONCE, HEADER_LENGTH);
        out.clear().position(HEADER_LENGTH);
        byte[] tag = sealer.seal(nonce, aad, head, tail, out);
        System.arraycopy(tag, 0, header, SIGNATURE, Smb3Cipher.TAG_LENGTH);
        out.put(0, header);
        return out.position(0).limit(HEADER_LENGTH + length);
    }

    public byte[] open(byte[] message) throws CryptoDecodeException {
        return open(message, 0, message.length);
    }

    /**
     * Checks the header and the tag, and returns the plaintext (one SMB2 message or a compound
     * chain).
     *
     * @throws CryptoDecodeException if the message is not a well-formed transform message, or its
     *                               tag does not match (tampered, or another key)
     */
    public byte[] open(byte[] message, int offset, int length) throws CryptoDecodeException {
        checkHeader(message, offset, length);
        checkSizeAndFlags(message, offset, length);
        byte[] nonce = Arrays.copyOfRange(message, offset + NONCE, offset + NONCE + opener.id().nonceLength());
        byte[] aad = Arrays.copyOfRange(message, offset + NONCE, offset + HEADER_LENGTH);
        byte[] tag = Arrays.copyOfRange(message, offset + SIGNATURE, offset + SIGNATURE + Smb3Cipher.TAG_LENGTH);
        byte[] plain = new byte[length - HEADER_LENGTH];
        try {
            opener.open(nonce, aad, message, offset + HEADER_LENGTH, plain.length, tag, plain, 0);
        } catch (AEADBadTagException e) {
            throw altered(opener.id());
        }
        return plain;
    }

    /**
     * Opens the transform message that fills {@code message} into {@code plain}, which has exactly the plaintext's
     * length, using {@code message} as working space: afterwards its contents are undefined. For large messages
     * received into reusable arrays: nothing of the message's size is allocated (the ciphertext moves 16 bytes
     * toward the start, so that the tag can follow it, as the cipher wants them).
     *
     * @throws CryptoDecodeException as {@link #open(byte[], int, int)}
     * @throws IllegalArgumentException if {@code plain} does not have the plaintext's length
     */
    public void openInto(byte[] message, byte[] plain) throws CryptoDecodeException {
        int length = message.length;
        checkHeader(message, 0, length);
        if (plain.length != length - HEADER_LENGTH) {
            throw new IllegalArgumentException("plaintext buffer of " + plain.length + " bytes for a "
                    + (length - HEADER_LENGTH) + "-byte message");
        }
        checkSizeAndFlags(message, 0, length);
        byte[] nonce = Arrays.copyOfRange(message, NONCE, NONCE + opener.id().nonceLength());
        byte[] aad = Arrays.copyOfRange(message, NONCE, HEADER_LENGTH);
        byte[] tag = Arrays.copyOfRange(message, SIGNATURE, SIGNATURE + Smb3Cipher.TAG_LENGTH);
        int start = HEADER_LENGTH - Smb3Cipher.TAG_LENGTH;
        System.arraycopy(message, HEADER_LENGTH, message, start, plain.length);
        System.arraycopy(tag, 0, message, start + plain.length, Smb3Cipher.TAG_LENGTH);
        try {
            opener.openJoined(nonce, aad, message, start, plain.length, plain, 0);
        } catch (AEADBadTagException e) {
            throw altered(opener.id());
        }
    }

    /**
     * Opens the transform message from {@code frame}'s position to its limit in place, for a frame read into a
     * (direct) buffer: the tag is copied to the {@link Smb3Cipher#TAG_LENGTH} bytes after the limit, so that the
     * cipher sees ciphertext and tag in one piece, and the plaintext replaces the ciphertext. Returns a view of the
     * plaintext (one SMB2 message or a compound chain) in the same memory. Without that room after the limit the
     * message is copied and opened as {@link #open(byte[])} does.
     *
     * @throws CryptoDecodeException as {@link #open(byte[], int, int)}
     */
    public ByteBuffer openInPlace(ByteBuffer frame) throws CryptoDecodeException {
        int at = frame.position();
        int length = frame.remaining();
        if (opener instanceof GcmCipher && !frame.isReadOnly() && length >= HEADER_LENGTH) {
            byte[] header = new byte[HEADER_LENGTH];
            frame.get(at, header);
            Opening o = opening(header, length);
            ByteBuffer plain = frame.slice(at + HEADER_LENGTH, length - HEADER_LENGTH);
            o.update(plain.duplicate());
            o.finish();
            return plain;
        }
        if (frame.capacity() - frame.limit() < Smb3Cipher.TAG_LENGTH || frame.isReadOnly()) {
            byte[] copy = new byte[length];
            frame.get(at, copy);
            return ByteBuffer.wrap(open(copy));
        }
        byte[] header = new byte[Math.min(length, HEADER_LENGTH)];
        frame.get(at, header);
        checkHeader(header, 0, length < HEADER_LENGTH ? header.length : HEADER_LENGTH);
        checkSizeAndFlags(header, 0, length);
        byte[] nonce = Arrays.copyOfRange(header, NONCE, NONCE + opener.id().nonceLength());
        byte[] aad = Arrays.copyOfRange(header, NONCE, HEADER_LENGTH);
        int end = at + length;
        ByteBuffer whole = frame.duplicate().clear();
        whole.put(end, header, SIGNATURE, Smb3Cipher.TAG_LENGTH);
        int plainLength = length - HEADER_LENGTH;
        try {
            opener.openInPlace(nonce, aad, whole.slice(at + HEADER_LENGTH, plainLength + Smb3Cipher.TAG_LENGTH));
        } catch (AEADBadTagException e) {
            throw altered(opener.id());
        }
        return whole.slice(at + HEADER_LENGTH, plainLength);
    }

    /**
     * Starts opening in place a sealed message of {@code length} bytes (the whole frame) whose transform header is
     * {@code header}, while the rest of it arrives: the encrypted message is given to {@link Opening#update} in parts,
     * in order, each decrypted where it is; {@link Opening#finish} then checks its authenticity. The plaintext must
     * not be used before that. Null when the cipher does not decrypt part by part (AES-CCM: use {@link #openInPlace}).
     *
     * @throws CryptoDecodeException for a malformed header or a length that disagrees with it
     */
    public Opening opening(byte[] header, int length) throws CryptoDecodeException {
        checkHeader(header, 0, header.length);
        checkSizeAndFlags(header, 0, length);
        if (!(opener instanceof GcmCipher g)) {
            return null;
        }
        return new Opening(g.gcm().asCiphertext(Arrays.copyOfRange(header, NONCE, NONCE + 12),
                Arrays.copyOfRange(header, NONCE, HEADER_LENGTH)),
                Arrays.copyOfRange(header, SIGNATURE, SIGNATURE + Smb3Cipher.TAG_LENGTH), opener.id());
    }

    /** A sealed message being opened in place part by part ({@link #opening}). Not thread-safe. */
    public static final class Opening {
        private final AesGcm.AsCiphertext gcm;
        private final byte[] tag;
        private final CipherId id;

        private Opening(AesGcm.AsCiphertext gcm, byte[] tag, CipherId id) {
            this.gcm = gcm;
            this.tag = tag;
            this.id = id;
        }

        /** Decrypts the next part of the encrypted message, from {@code part}'s position to its limit, in place. */
        public void update(ByteBuffer part) {
            gcm.pass(part, true);
        }

        /** Checks the message's authenticity once all of it has been given to {@link #update}. */
        public void finish() throws CryptoDecodeException {
            try {
                gcm.check(tag);
            } catch (AEADBadTagException e) {
                throw altered(id);
            }
        }
    }

    /** True if the range starts with the transform ProtocolId 0xFD 'S' 'M' 'B'. */
    public static boolean isTransform(byte[] buf, int offset, int length) {
        return length >= 4 && (buf[offset] & 0xFF) == 0xFD && buf[offset + 1] == 'S'
                && buf[offset + 2] == 'M' && buf[offset + 3] == 'B';
    }

    /** The SessionId of a transform message, to find its keys before {@link #open}. */
    public static long sessionId(byte[] buf, int offset, int length) throws CryptoDecodeException {
        checkHeader(buf, offset, length);
        return getLe(buf, offset + SESSION_ID, 8);
    }

    /** The transform header at {@code buf[offset]} announces {@code length - HEADER_LENGTH} encrypted bytes, encrypted. */
    private static void checkSizeAndFlags(byte[] buf, int offset, int length) throws CryptoDecodeException {
        long originalSize = getLe(buf, offset + ORIGINAL_SIZE, 4);
        if (originalSize != (long) length - HEADER_LENGTH) {
            throw new CryptoDecodeException("OriginalMessageSize", ORIGINAL_SIZE, "OriginalMessageSize "
                    + originalSize + " but " + (length - HEADER_LENGTH) + " encrypted bytes follow the header");
        }
        int flags = (int) getLe(buf, offset + FLAGS, 2);
        if (flags != FLAG_ENCRYPTED) {
            throw new CryptoDecodeException("Flags", FLAGS, String.format("Flags 0x%04x, expected 0x0001 (Encrypted)", flags));
        }
    }

    /** The tag did not match. */
    private static CryptoDecodeException altered(CipherId id) {
        return new CryptoDecodeException("Signature", SIGNATURE, id.label() + " authentication failed: message altered or wrong key");
    }

    private static void checkHeader(byte[] buf, int offset, int length) throws CryptoDecodeException {
        if (offset < 0 || length < 0 || offset > buf.length - length) {
            throw new IllegalArgumentException("range outside the buffer");
        }
        if (length < HEADER_LENGTH) {
            throw new CryptoDecodeException("TRANSFORM_HEADER", 0,
                    "needs " + HEADER_LENGTH + " bytes, " + length + " left");
        }
        if (!isTransform(buf, offset, length)) {
            throw new CryptoDecodeException("ProtocolId", 0, "not a transform header (0xFD 'SMB')");
        }
    }

    private static void putLe(byte[] b, int at, long v, int n) {
        for (int i = 0; i < n; i++) {
            b[at + i] = (byte) (v >>> (8 * i));
        }
    }

    private static long getLe(byte[] b, int at, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (b[at + i] & 0xFFL) << (8 * i);
        }
        return v;
    }

    @Override
    public String toString() {
        return "Smb3Transform[" + sealer.id().label() + "]";
    }
}
