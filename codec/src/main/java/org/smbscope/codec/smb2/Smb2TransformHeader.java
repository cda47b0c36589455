package org.smbscope.codec.smb2;

import java.util.Arrays;
import java.util.Objects;

import org.smbscope.codec.wire.DecodeException;
import org.smbscope.codec.wire.Detail;
import org.smbscope.codec.wire.Described;
import org.smbscope.codec.wire.WireReader;
import org.smbscope.codec.wire.WireWriter;

/**
 * [MS-SMB2] 2.2.41 SMB2 TRANSFORM_HEADER (52 bytes): ProtocolId 0xFD 'S' 'M' 'B', Signature (the
 * AEAD tag, 16), Nonce (16; CCM uses the first 11, GCM the first 12), OriginalMessageSize,
 * Reserved, Flags (3.1.1) / EncryptionAlgorithm (3.0.x) = 0x0001, SessionId. The encrypted message
 * follows. The AEAD's associated data is {@link #aad()}: bytes 20..52 of the header.
 */
public record Smb2TransformHeader(byte[] signature, byte[] nonce, int originalMessageSize, int flags,
        long sessionId) implements Described {
    public static final int SIZE = 52;
    public static final int FLAG_ENCRYPTED = 0x0001;
    public static final int AAD_OFFSET = 20;

    public Smb2TransformHeader {
        if (signature.length != 16 || nonce.length != 16) {
            throw new IllegalArgumentException("signature and nonce are 16 bytes each");
        }
        signature = signature.clone();
        nonce = nonce.clone();
    }

    /** A header to encrypt with: zero signature (filled in after encryption). */
    public static Smb2TransformHeader forEncryption(byte[] nonce, int originalMessageSize, long sessionId) {
        byte[] n = Arrays.copyOf(nonce, 16);
        return new Smb2TransformHeader(new byte[16], n, originalMessageSize, FLAG_ENCRYPTED, sessionId);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    public Smb2TransformHeader withSignature(byte[] tag) {
        return new Smb2TransformHeader(tag, nonce, originalMessageSize, flags, sessionId);
    }

    public void write(WireWriter w) {
        w.u32be(Smb2Codec.TRANSFORM_MAGIC & 0xFFFFFFFFL).bytes(signature).bytes(nonce)
                .u32le(originalMessageSize & 0xFFFFFFFFL).u16le(0).u16le(flags).u64le(sessionId);
    }

    public byte[] encode() {
        WireWriter w = new WireWriter(SIZE);
        write(w);
        return w.toByteArray();
    }

    /** The associated data for the AEAD: header bytes 20..52 (Nonce through SessionId), 32 bytes. */
    public byte[] aad() {
        return Arrays.copyOfRange(encode(), AAD_OFFSET, SIZE);
    }

    /**
     * Decodes the header at {@code frame[offset..]}; the ciphertext is the {@code length - 52} bytes
     * after it and must equal OriginalMessageSize.
     */
    public static Smb2TransformHeader decode(byte[] frame, int offset, int length) throws Smb2DecodeException {
        if (offset < 0 || length < 0 || offset > frame.length - length) {
            throw new IllegalArgumentException("window outside array");
        }
        if (Smb2Codec.kind(frame, offset, length) == Smb2Codec.FrameKind.COMPRESSED) {
            throw new Smb2DecodeException("ProtocolId", 0,
                    "compressed messages (COMPRESSION_TRANSFORM_HEADER 0xfc 'SMB') are not supported");
        }
        WireReader r = WireReader.of(frame, offset, length, Smb2DecodeException::new);
        try {
            long magic = r.u32be("ProtocolId");
            if (magic != (Smb2Codec.TRANSFORM_MAGIC & 0xFFFFFFFFL)) {
                throw r.failAt("ProtocolId", 0, String.format("0x%08x is not 0xfd534d42 (TRANSFORM_HEADER)", magic));
            }
            byte[] sig = r.bytes("Signature", 16);
            byte[] nonce = r.bytes("Nonce", 16);
            long size = r.u32le("OriginalMessageSize");
            r.skip("Reserved", 2);
            int flags = r.u16le("Flags");
            long sid = r.u64le("SessionId");
            if (size != r.remaining()) {
                throw r.failAt("OriginalMessageSize", 36, "OriginalMessageSize " + size + " but " + r.remaining()
                        + " encrypted bytes follow");
            }
            if (size < Smb2Header.SIZE) {
                throw r.failAt("OriginalMessageSize", 36, "OriginalMessageSize " + size
                        + " is shorter than an SMB2 header");
            }
            return new Smb2TransformHeader(sig, nonce, (int) size, flags, sid);
        } catch (Smb2DecodeException e) {
            throw e;
        } catch (DecodeException e) {
            throw new Smb2DecodeException(e.field(), e.offset(), e.detail());
        }
    }

    public static Smb2TransformHeader decode(byte[] frame) throws Smb2DecodeException {
        return decode(frame, 0, frame.length);
    }

    @Override
    public Detail detail() {
        return Detail.of("SMB2 Transform Header")
                .field("ProtocolId", "0xfd534d42")
                .field("Signature", Bits.hex(signature))
                .field("Nonce", Bits.hex(nonce))
                .field("Message size", Integer.toUnsignedString(originalMessageSize) + " bytes")
                .field("Flags", String.format("0x%04x", flags) + ((flags & FLAG_ENCRYPTED) != 0 ? " (Encrypted)" : ""))
                .field("SessionId", String.format("0x%016x", sessionId));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Smb2TransformHeader t && Arrays.equals(signature, t.signature)
                && Arrays.equals(nonce, t.nonce) && originalMessageSize == t.originalMessageSize && flags == t.flags
                && sessionId == t.sessionId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(nonce), originalMessageSize, sessionId);
    }

    @Override
    public String toString() {
        return "Smb2TransformHeader[nonce=" + Bits.hex(nonce) + ", size=" + originalMessageSize + ", flags="
                + flags + ", sid=" + String.format("0x%x", sessionId) + "]";
    }
}
